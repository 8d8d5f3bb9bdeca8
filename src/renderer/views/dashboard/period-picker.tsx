import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../shared/ui-api';
import { PERIOD_CHOICES, type DashboardSelection, type PeriodChoice } from '../../../shared/dashboard/period';
import { Segmented } from '../../components/segmented';

/** Which pages and which days: the scope select, the period segments and a custom range. */
export function PeriodPicker({ selection, accounts, onChange }: { selection: DashboardSelection; accounts: AccountView[]; onChange: (next: DashboardSelection) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const networks = [...new Set(accounts.map((a) => a.network))];
  const reversed = selection.period === 'custom' && selection.customFrom && selection.customTo && selection.customFrom > selection.customTo;
  return (
    <div className="dash-controls" data-testid="dashboard-controls">
      <label className="dash-controls__scope">
        <span className="visually-hidden">{t('dashboard.scope.label')}</span>
        <select className="select" value={selection.scope} onChange={(e) => onChange({ ...selection, scope: e.target.value })} aria-label={t('dashboard.scope.label')}>
          <option value="all">{t('dashboard.scope.all', { count: accounts.length })}</option>
          {networks.length > 1
            ? networks.map((n) => (
                <option key={n} value={`network:${n}`}>
                  {t('dashboard.scope.network', { network: t(`network.${n}` as 'network.linkedin') })}
                </option>
              ))
            : null}
          {accounts.map((a) => (
            <option key={`${a.network}:${a.id}`} value={`${a.network}:${a.id}`}>
              {a.name || a.id}
            </option>
          ))}
        </select>
      </label>
      <Segmented
        label={t('dashboard.period.label')}
        name="period"
        options={PERIOD_CHOICES}
        value={selection.period}
        onChange={(period: PeriodChoice) => onChange({ ...selection, period })}
        text={(p) => t(`dashboard.period.${p}`)}
      />
      {selection.period === 'custom' ? (
        <div className="row dash-controls__custom">
          <label className="row">
            <span className="muted">{t('dashboard.period.from')}</span>
            <input className="input" type="date" aria-label={t('dashboard.period.fromLabel')} value={selection.customFrom} onChange={(e) => onChange({ ...selection, customFrom: e.target.value })} />
          </label>
          <label className="row">
            <span className="muted">{t('dashboard.period.to')}</span>
            <input className="input" type="date" aria-label={t('dashboard.period.toLabel')} value={selection.customTo} onChange={(e) => onChange({ ...selection, customTo: e.target.value })} />
          </label>
          {reversed ? (
            <span className="field__error" role="alert">
              {t('dashboard.period.reversed')}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
