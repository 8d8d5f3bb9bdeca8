import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings-schema';
import type { ApiFailure, SecretStatus } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { Alert } from '../../components/alert';
import { FailureAlert } from '../../components/failure-alert';
import { CheckField, type CheckFieldProps, TextField } from '../../components/fields';
import { Spinner } from '../../components/spinner';
import { SecretField } from './secret-field';
import { SectionCard } from './section-card';
import { useSectionForm, type ToPatch } from './use-section-form';

interface Draft {
  'alerts.onFailure': boolean;
  'alerts.onNoData': boolean;
  'alerts.tokenExpiryWarningDays': string;
  'alerts.weeklySummary': boolean;
  'alerts.onGoalStatus': boolean;
  'alerts.smtp.host': string;
  'alerts.smtp.port': string;
  'alerts.smtp.secure': boolean;
  'alerts.smtp.user': string;
  'alerts.smtp.from': string;
  'alerts.smtp.to': string;
}

const fromSettings = (s: Settings): Draft => ({
  'alerts.onFailure': s.alerts.onFailure,
  'alerts.onNoData': s.alerts.onNoData,
  'alerts.tokenExpiryWarningDays': String(s.alerts.tokenExpiryWarningDays),
  'alerts.weeklySummary': s.alerts.weeklySummary,
  'alerts.onGoalStatus': s.alerts.onGoalStatus,
  'alerts.smtp.host': s.alerts.smtp.host,
  'alerts.smtp.port': String(s.alerts.smtp.port),
  'alerts.smtp.secure': s.alerts.smtp.secure,
  'alerts.smtp.user': s.alerts.smtp.user,
  'alerts.smtp.from': s.alerts.smtp.from,
  'alerts.smtp.to': s.alerts.smtp.to.join(', '),
});

const toPatch: ToPatch<Draft> = (d, parse) => ({
  alerts: {
    onFailure: d['alerts.onFailure'],
    onNoData: d['alerts.onNoData'],
    tokenExpiryWarningDays: parse.int(d['alerts.tokenExpiryWarningDays'], 'alerts.tokenExpiryWarningDays'),
    weeklySummary: d['alerts.weeklySummary'],
    onGoalStatus: d['alerts.onGoalStatus'],
    smtp: {
      host: d['alerts.smtp.host'].trim(),
      port: parse.int(d['alerts.smtp.port'], 'alerts.smtp.port'),
      secure: d['alerts.smtp.secure'],
      user: d['alerts.smtp.user'].trim(),
      from: d['alerts.smtp.from'].trim(),
      to: d['alerts.smtp.to']
        .split(/[,;\s]+/)
        .map((a) => a.trim())
        .filter(Boolean),
    },
  },
});

export function EmailSection({ secrets, onSecrets }: { secrets: SecretStatus | null; onSecrets: (s: SecretStatus) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const form = useSectionForm(fromSettings, toPatch);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<string[] | null>(null);
  const [sendFailure, setSendFailure] = useState<ApiFailure | null>(null);

  const sendTest = async (): Promise<void> => {
    // Test what is on screen: unsaved edits are saved first (and validated).
    if (form.dirty && !(await form.save())) return;
    setSending(true);
    setSent(null);
    setSendFailure(null);
    const result = await api.call('alerts.sendTest');
    setSending(false);
    if (result.ok) setSent(result.value.sentTo);
    else setSendFailure(result);
  };

  type CheckKey = 'alerts.onFailure' | 'alerts.onNoData' | 'alerts.smtp.secure' | 'alerts.weeklySummary' | 'alerts.onGoalStatus';
  const text = (key: Exclude<keyof Draft, CheckKey>) => ({
    value: form.draft[key],
    onChange: (v: string) => form.set(key, v),
    error: form.errors[key],
    path: key,
  });
  const check = (key: CheckKey) => ({
    checked: form.draft[key],
    onChange: (v: boolean) => form.set(key, v),
    error: form.errors[key],
    path: key,
  });

  return (
    <SectionCard
      id="email"
      title={t('settings.email.title')}
      description={t('settings.email.description')}
      form={{ ...form, hasErrors: Object.keys(form.errors).length > 0, onSave: () => void form.save(), onReset: form.reset }}
      actions={
        <button type="button" className="btn" onClick={() => void sendTest()} disabled={sending}>
          {sending ? <Spinner /> : null}
          {t('settings.email.sendTest')}
        </button>
      }
    >
      <div className="form-grid">
        <CheckField label={t('settings.email.onFailure')} help={t('settings.email.onFailureHelp')} {...check('alerts.onFailure')} />
        <CheckField label={t('settings.email.onNoData')} help={t('settings.email.onNoDataHelp')} {...check('alerts.onNoData')} />
        <TextField label={t('settings.email.tokenWarningDays')} inputMode="numeric" help={t('settings.email.tokenWarningDaysHelp')} {...text('alerts.tokenExpiryWarningDays')} />
      </div>
      <OptionalEmails check={check} smtpReady={smtpFilledIn(form.draft)} />
      <h3>{t('settings.email.smtp')}</h3>
      <div className="form-grid">
        <TextField label={t('settings.email.host')} placeholder="smtp-mail.outlook.com" {...text('alerts.smtp.host')} />
        <TextField label={t('settings.email.port')} inputMode="numeric" help={t('settings.email.portHelp')} {...text('alerts.smtp.port')} />
        <CheckField label={t('settings.email.secure')} help={t('settings.email.secureHelp')} {...check('alerts.smtp.secure')} className="span-all" />
        <TextField label={t('settings.email.user')} autoComplete="off" {...text('alerts.smtp.user')} />
        <SecretField name="smtp.password" label={t('settings.email.password')} status={secrets} onStatus={onSecrets} />
        <TextField label={t('settings.email.from')} type="email" inputMode="email" placeholder="follower-pulse@empresa.com.br" {...text('alerts.smtp.from')} />
        <TextField label={t('settings.email.to')} inputMode="email" placeholder="marketing@empresa.com.br, ana@empresa.com.br" help={t('settings.email.toHelp')} {...text('alerts.smtp.to')} />
      </div>
      {sent ? (
        <Alert tone="success" title={t('settings.email.testSent')} testId="test-mail-sent">
          {sent.join(', ')}
        </Alert>
      ) : null}
      {sendFailure ? <FailureAlert failure={sendFailure} title={t('settings.email.testFailed')} /> : null}
    </SectionCard>
  );
}

/** The engine's own test (alert-sender isSmtpConfigured), on what is on screen. */
function smtpFilledIn(d: Draft): boolean {
  return d['alerts.smtp.host'].trim() !== '' && d['alerts.smtp.from'].trim() !== '' && d['alerts.smtp.to'].trim() !== '';
}

type CheckProps = Pick<CheckFieldProps, 'checked' | 'onChange' | 'error' | 'path'>;

/**
 * The e-mails beyond failure alerts (issue 12): the weekly summary and the goal-status alert.
 * Without an SMTP server they could not be sent, so they stay off-limits and say why.
 */
function OptionalEmails({ check, smtpReady }: { check: (key: 'alerts.weeklySummary' | 'alerts.onGoalStatus') => CheckProps; smtpReady: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="stack stack--tight" data-testid="optional-emails">
      <h3>{t('optionalEmails.title')}</h3>
      {smtpReady ? null : (
        <p className="muted" data-testid="optional-emails-reason">
          {t('optionalEmails.needsSmtp')}
        </p>
      )}
      <div className="form-grid">
        <CheckField label={t('optionalEmails.weeklySummary')} help={t('optionalEmails.weeklySummaryHelp')} disabled={!smtpReady} {...check('alerts.weeklySummary')} />
        <CheckField label={t('optionalEmails.onGoalStatus')} help={t('optionalEmails.onGoalStatusHelp')} disabled={!smtpReady} {...check('alerts.onGoalStatus')} />
      </div>
    </div>
  );
}
