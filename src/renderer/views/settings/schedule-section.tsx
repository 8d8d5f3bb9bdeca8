import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings-schema';
import { CheckField, TextField } from '../../components/fields';
import { useApp } from '../../hooks/app-context';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatInstant } from '../../format/format';
import { SectionCard } from './section-card';
import { useSectionForm, type ToPatch } from './use-section-form';

interface Draft {
  'schedule.enabled': boolean;
  'schedule.dailyAt': string;
  'schedule.launchAtLogin': boolean;
}

const fromSettings = (s: Settings): Draft => ({
  'schedule.enabled': s.schedule.enabled,
  'schedule.dailyAt': s.schedule.dailyAt,
  'schedule.launchAtLogin': s.schedule.launchAtLogin,
});

const toPatch: ToPatch<Draft> = (d) => ({
  schedule: { enabled: d['schedule.enabled'], dailyAt: d['schedule.dailyAt'].trim(), launchAtLogin: d['schedule.launchAtLogin'] },
});

export function ScheduleSection(): React.JSX.Element {
  const { t } = useTranslation();
  const { info, language } = useApp();
  const form = useSectionForm(fromSettings, toPatch);
  const scheduler = useApiQuery('scheduler.state');
  const { reload } = scheduler;
  const next = scheduler.result?.ok ? scheduler.result.value.nextRunAt : null;
  return (
    <SectionCard
      id="schedule"
      title={t('settings.schedule.title')}
      description={t('settings.schedule.description')}
      form={{
        ...form,
        hasErrors: Object.keys(form.errors).length > 0,
        onSave: () => void form.save().then((ok) => ok && reload()),
        onReset: form.reset,
      }}
    >
      <div className="form-grid">
        <CheckField
          label={t('settings.schedule.enabled')}
          help={t('settings.schedule.enabledHelp')}
          checked={form.draft['schedule.enabled']}
          onChange={(v) => form.set('schedule.enabled', v)}
          path="schedule.enabled"
          className="span-all"
        />
        <TextField
          label={t('settings.schedule.dailyAt')}
          value={form.draft['schedule.dailyAt']}
          onChange={(v) => form.set('schedule.dailyAt', v)}
          error={form.errors['schedule.dailyAt']}
          path="schedule.dailyAt"
          placeholder="07:00"
          inputMode="numeric"
          help={t('settings.schedule.dailyAtHelp')}
        />
        <CheckField
          label={t('settings.schedule.launchAtLogin')}
          help={info.transport === 'ipc' ? t('settings.schedule.launchAtLoginHelp') : t('settings.schedule.launchAtLoginBrowser')}
          checked={form.draft['schedule.launchAtLogin']}
          onChange={(v) => form.set('schedule.launchAtLogin', v)}
          path="schedule.launchAtLogin"
        />
      </div>
      <p className="muted" data-testid="next-run">
        {next ? t('settings.schedule.nextRun', { when: formatInstant(next, language) }) : t('settings.schedule.noNextRun')}
      </p>
    </SectionCard>
  );
}
