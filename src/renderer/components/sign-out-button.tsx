import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transportOf } from '../api/choose-api';

/** Where `serve` ends a browser session (src/main/server/ui-server.ts). */
const SIGN_OUT_PATH = '/api/session/sign-out';

/**
 * Ends the browser session of `follower-pulse serve` (the desktop window has none): the server
 * drops its session secret, so this browser — and any copy of its cookie — is out until
 * `serve` prints a new link.
 */
export function SignOutButton(): React.JSX.Element | null {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (transportOf() !== 'http') return null;
  const signOut = async (): Promise<void> => {
    setBusy(true);
    try {
      await fetch(SIGN_OUT_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'same-origin' });
    } finally {
      window.location.assign('/');
    }
  };
  return (
    <button type="button" className="btn" title={t('session.signOutHint')} disabled={busy} onClick={() => void signOut()}>
      {t('session.signOut')}
    </button>
  );
}
