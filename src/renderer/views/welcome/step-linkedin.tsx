import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure, SecretStatus, TokenCheck } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { FailureAlert } from '../../components/failure-alert';
import { TextField } from '../../components/fields';
import { SecretChip } from '../../components/secret-chip';
import { Spinner } from '../../components/spinner';
import { TokenCheckView } from '../linkedin/token-check-view';
import { SignInPanel } from '../linkedin/sign-in-panel';
import { StepFooter, StepHeader } from './step-frame';

export function StepLinkedIn({ onBack, onNext }: { onBack: () => void; onNext: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [check, setCheck] = useState<TokenCheck | null>(null);
  const [status, setStatus] = useState<SecretStatus['linkedin.accessToken'] | undefined>(undefined);

  const runCheck = useCallback(async () => {
    setBusy(true);
    setFailure(null);
    const result = await api.call('linkedin.checkToken');
    setBusy(false);
    if (result.ok) setCheck(result.value);
    else {
      setCheck(null);
      setFailure(result);
    }
  }, [api]);

  // A token may already be there (environment override, an earlier attempt): check it at once.
  useEffect(() => {
    void api.call('secrets.status').then((r) => {
      if (!r.ok) return;
      setStatus(r.value['linkedin.accessToken']);
      if (r.value['linkedin.accessToken'].set) void runCheck();
    });
  }, [api, runCheck]);

  const saveToken = async (): Promise<void> => {
    const value = token.trim();
    if (!value) return setFailure({ ok: false, code: 'LINKEDIN_TOKEN_MISSING', message: t('welcome.linkedin.emptyToken') });
    setBusy(true);
    setFailure(null);
    setCheck(null);
    const stored = await api.call('secrets.set', { name: 'linkedin.accessToken', value });
    if (!stored.ok) {
      setBusy(false);
      return setFailure(stored);
    }
    setStatus(stored.value['linkedin.accessToken']);
    setToken('');
    await runCheck();
  };

  return (
    <>
      <div className="card__body stack stack--loose">
        <StepHeader title={t('welcome.linkedin.title')} text={t('welcome.linkedin.text')} />
        <div className="option-grid">
          <section className="option" aria-labelledby="paste-token-title">
            <div className="row row--between option__title-row">
              <h2 id="paste-token-title">{t('welcome.linkedin.pasteTitle')}</h2>
              <SecretChip status={status} />
            </div>
            <p className="text-2">{t('welcome.linkedin.pasteText')}</p>
            <TextField label={t('linkedin.accessToken')} type="password" value={token} onChange={setToken} onEnter={() => void saveToken()} placeholder="AQV…" />
            <div className="row">
              <button type="button" className="btn btn--primary" onClick={() => void saveToken()} disabled={busy}>
                {busy ? <Spinner /> : null}
                {t('welcome.linkedin.saveAndCheck')}
              </button>
            </div>
          </section>
          <section className="option" aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">{t('welcome.linkedin.signInTitle')}</h2>
            <p className="text-2">{t('welcome.linkedin.signInText')}</p>
            <SignInPanel
              onSignedIn={() => {
                void api.call('secrets.status').then((r) => r.ok && setStatus(r.value['linkedin.accessToken']));
                void runCheck();
              }}
            />
          </section>
        </div>
        {check ? <TokenCheckView check={check} /> : null}
        {failure ? <FailureAlert failure={failure} /> : null}
      </div>
      <StepFooter onBack={onBack}>
        <button type="button" className="btn btn--primary" onClick={onNext} disabled={!check?.valid}>
          {t('common.continue')}
        </button>
      </StepFooter>
    </>
  );
}
