import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings-schema';
import type { ApiFailure, SecretStatus, TokenCheck } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { FailureAlert } from '../../components/failure-alert';
import { TextField } from '../../components/fields';
import { Spinner } from '../../components/spinner';
import { SignInPanel } from '../linkedin/sign-in-panel';
import { TokenCheckView } from '../linkedin/token-check-view';
import { SecretField } from './secret-field';
import { SectionCard } from './section-card';
import { useSectionForm, type ToPatch } from './use-section-form';
import { orNull } from './validation';

interface Draft {
  'linkedin.clientId': string;
  'linkedin.oauthRedirectPort': string;
  'linkedin.apiVersion': string;
}

const fromSettings = (s: Settings): Draft => ({
  'linkedin.clientId': s.linkedin.clientId ?? '',
  'linkedin.oauthRedirectPort': String(s.linkedin.oauthRedirectPort),
  'linkedin.apiVersion': s.linkedin.apiVersion,
});

const toPatch: ToPatch<Draft> = (d, parse) => ({
  linkedin: {
    clientId: orNull(d['linkedin.clientId']),
    oauthRedirectPort: parse.int(d['linkedin.oauthRedirectPort'], 'linkedin.oauthRedirectPort'),
    apiVersion: d['linkedin.apiVersion'].trim(),
  },
});

export function LinkedInSection({ secrets, onSecrets }: { secrets: SecretStatus | null; onSecrets: (s: SecretStatus) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const form = useSectionForm(fromSettings, toPatch);
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<TokenCheck | null>(null);
  const [checkFailure, setCheckFailure] = useState<ApiFailure | null>(null);

  const runCheck = async (): Promise<void> => {
    setChecking(true);
    setCheck(null);
    setCheckFailure(null);
    const result = await api.call('linkedin.checkToken');
    setChecking(false);
    if (result.ok) setCheck(result.value);
    else setCheckFailure(result);
  };

  const onSignedIn = (): void => {
    void api.call('secrets.status').then((r) => r.ok && onSecrets(r.value));
    void runCheck();
  };

  const field = (key: keyof Draft) => ({ value: form.draft[key], onChange: (v: string) => form.set(key, v), error: form.errors[key], path: key });
  return (
    <SectionCard
      id="linkedin"
      title={t('settings.linkedin.title')}
      description={t('settings.linkedin.description')}
      form={{ ...form, hasErrors: Object.keys(form.errors).length > 0, onSave: () => void form.save(), onReset: form.reset }}
    >
      <div className="settings-subsection">
        <h3>{t('linkedin.accessToken')}</h3>
        <SecretField name="linkedin.accessToken" label={t('settings.linkedin.tokenState')} status={secrets} onStatus={onSecrets} help={t('settings.linkedin.tokenHelp')} />
        <div className="row">
          <button type="button" className="btn" onClick={() => void runCheck()} disabled={checking}>
            {checking ? <Spinner /> : null}
            {t('settings.linkedin.checkToken')}
          </button>
        </div>
        {check ? <TokenCheckView check={check} /> : null}
        {checkFailure ? <FailureAlert failure={checkFailure} testId="token-check-failure" /> : null}
      </div>
      <div className="settings-subsection">
        <h3>{t('linkedin.signIn')}</h3>
        <p className="muted">{t('settings.linkedin.signInHelp')}</p>
        <div className="form-grid">
          <TextField label={t('linkedin.clientId')} {...field('linkedin.clientId')} help={t('linkedin.clientIdHelp')} />
          <SecretField name="linkedin.clientSecret" label={t('linkedin.clientSecret')} status={secrets} onStatus={onSecrets} help={t('linkedin.clientSecretHelp')} />
          <TextField label={t('settings.linkedin.redirectPort')} inputMode="numeric" {...field('linkedin.oauthRedirectPort')} help={t('settings.linkedin.redirectPortHelp')} />
        </div>
        <SignInPanel onSignedIn={onSignedIn} appFields={false} beforeStart={() => (form.dirty ? form.save() : Promise.resolve(true))} />
      </div>
      <div className="settings-subsection">
        <h3>{t('settings.linkedin.api')}</h3>
        <div className="form-grid">
          <TextField label={t('settings.linkedin.apiVersion')} inputMode="numeric" {...field('linkedin.apiVersion')} help={t('settings.linkedin.apiVersionHelp')} />
        </div>
      </div>
    </SectionCard>
  );
}
