import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { FailureAlert } from '../../components/failure-alert';
import { TextField } from '../../components/fields';
import { Spinner } from '../../components/spinner';
import { useApp } from '../../hooks/app-context';

const POLL_MS = 1500;

type Phase = { state: 'idle' } | { state: 'starting' } | { state: 'waiting'; url: string } | { state: 'done' };

/**
 * "Entrar com o LinkedIn": the engine opens a loopback callback and gives us LinkedIn's
 * authorization page; the user approves there, and we poll until the engine has the token.
 * The app's client id and secret are needed first, so they can be given right here.
 */
interface SignInPanelProps {
  onSignedIn: () => void;
  /** Ask for the app's client id and secret here when missing (off where a form has them). */
  appFields?: boolean;
  /** Runs first, e.g. saving the form that holds the client id; false stops the sign-in. */
  beforeStart?: () => Promise<boolean>;
}

export function SignInPanel({ onSignedIn, appFields = true, beforeStart }: SignInPanelProps): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const { info, settings, setSettings } = useApp();
  const [phase, setPhase] = useState<Phase>({ state: 'idle' });
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [clientId, setClientId] = useState(settings?.linkedin.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [secretSet, setSecretSet] = useState<boolean | null>(null);
  const needsClientId = appFields && !settings?.linkedin.clientId;

  useEffect(() => {
    void api.call('secrets.status').then((r) => setSecretSet(r.ok ? r.value['linkedin.clientSecret'].set : null));
  }, [api]);

  useEffect(() => {
    if (phase.state !== 'waiting') return;
    const timer = window.setInterval(() => {
      void api.call('linkedin.signInState').then((r) => {
        if (!r.ok) return setFailure(r);
        if (r.value.state === 'done') {
          setPhase({ state: 'done' });
          onSignedIn();
        } else if (r.value.state === 'failed') {
          setFailure({ ok: false, code: r.value.code, message: r.value.message });
          setPhase({ state: 'idle' });
        }
      });
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [api, phase.state, onSignedIn]);

  const saveAppCredentials = async (): Promise<boolean> => {
    if (needsClientId && clientId.trim()) {
      const saved = await api.call('settings.update', { linkedin: { clientId: clientId.trim() } });
      if (!saved.ok) {
        setFailure(saved);
        return false;
      }
      setSettings(saved.value);
    }
    if (clientSecret) {
      const stored = await api.call('secrets.set', { name: 'linkedin.clientSecret', value: clientSecret });
      if (!stored.ok) {
        setFailure(stored);
        return false;
      }
      setClientSecret('');
      setSecretSet(true);
    }
    return true;
  };

  const start = async (): Promise<void> => {
    setFailure(null);
    setPhase({ state: 'starting' });
    if (beforeStart && !(await beforeStart())) return setPhase({ state: 'idle' });
    if (!(await saveAppCredentials())) return setPhase({ state: 'idle' });
    const started = await api.call('linkedin.startSignIn');
    if (!started.ok) {
      setFailure(started);
      return setPhase({ state: 'idle' });
    }
    const url = started.value.authorizationUrl;
    // In the desktop app the engine opens the system browser; a browser tab opens it here.
    if (info.transport === 'http') window.open(url, '_blank', 'noopener');
    setPhase({ state: 'waiting', url });
  };

  return (
    <div className="stack" data-testid="sign-in">
      {needsClientId || (appFields && secretSet === false) ? (
        <div className="form-grid">
          {needsClientId ? <TextField label={t('linkedin.clientId')} value={clientId} onChange={setClientId} help={t('linkedin.clientIdHelp')} /> : null}
          {appFields && secretSet === false ? <TextField label={t('linkedin.clientSecret')} type="password" value={clientSecret} onChange={setClientSecret} help={t('linkedin.clientSecretHelp')} /> : null}
        </div>
      ) : null}
      <div className="row">
        <button type="button" className="btn btn--linkedin" onClick={() => void start()} disabled={phase.state === 'starting' || phase.state === 'waiting'}>
          {phase.state === 'starting' ? <Spinner /> : <LinkedInMark />}
          {t('linkedin.signIn')}
        </button>
        {phase.state === 'waiting' ? (
          <>
            <span className="row text-2">
              <Spinner /> {t('linkedin.waitingForBrowser')}
            </span>
            <a href={phase.url} target="_blank" rel="noreferrer noopener">
              {t('linkedin.openAgain')}
            </a>
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setPhase({ state: 'idle' })}>
              {t('common.cancel')}
            </button>
          </>
        ) : null}
      </div>
      {failure ? <FailureAlert failure={failure} /> : null}
    </div>
  );
}

function LinkedInMark(): React.JSX.Element {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M20.45 20.45h-3.55v-5.57c0-1.33-.03-3.04-1.85-3.04-1.86 0-2.14 1.45-2.14 2.94v5.67H9.35V9h3.41v1.56h.05c.48-.9 1.64-1.85 3.37-1.85 3.6 0 4.27 2.37 4.27 5.46v6.28zM5.34 7.43a2.06 2.06 0 1 1 0-4.12 2.06 2.06 0 0 1 0 4.12zM7.12 20.45H3.56V9h3.56v11.45zM22.22 0H1.77C.79 0 0 .77 0 1.73v20.54C0 23.23.79 24 1.77 24h20.45c.98 0 1.78-.77 1.78-1.73V1.73C24 .77 23.2 0 22.22 0z"
      />
    </svg>
  );
}
