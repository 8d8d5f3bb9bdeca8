import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDocument, ReportNetworkLine } from '../../../../shared/insights';
import { useApp } from '../../../hooks/app-context';
import { formatDay, formatGain, formatNumber } from '../../../format/format';
import { NETWORK_NAMES, useNetworkColors } from './network-colors';
import type { ScaleMode } from './network-followers-chart';
// Drawn through the dashboard's lazy wrappers: chart.js loads after the first paint.
import { NetworkFollowersChart, NetworkGainsChart } from '../lazy-charts';
import { networkFollowerLines } from '../../../../shared/dashboard/network-lines';
import { Segmented } from '../../../components/segmented';
import { CardHeader } from '../../../components/card-header';
import './cross-network.css';

const MODES: readonly ScaleMode[] = ['absolute', 'indexed'];
const NUMBER_COLUMNS = ['start', 'end', 'net', 'growth', 'share'] as const;

/**
 * The dashboard's cross-network view (issue 10): shown when the pages on screen span more than
 * one network. Every network's followers on one chart (absolute or indexed to 100), a table of
 * each network's change and share, and the gains chart split by network.
 */
export function CrossNetworkSection({ report, fileStem }: { report: ReportDocument; fileStem: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { language } = useApp();
  const [mode, setMode] = useState<ScaleMode>('absolute');
  const networks = report.networks ?? [];
  if (networks.length < 2 || !report.networkDaily || !report.networkSeries) return null;
  const lines = networkFollowerLines(report);
  const range = { from: report.from, to: report.to };
  const indexNotes = lines.flatMap((line) => {
    const name = NETWORK_NAMES[line.network];
    if (line.base === null) return [t('crossNetwork.noBase', { network: name })];
    return line.indexedFromDay ? [t('crossNetwork.indexedFrom', { network: name, day: formatDay(line.indexedFromDay, language) })] : [];
  });

  return (
    <>
      <section className="card" aria-labelledby="cross-network-title" data-testid="cross-network">
        <CardHeader titleId="cross-network-title" title={t('crossNetwork.title')} subtitle={t('crossNetwork.subtitle')}>
          <Segmented label={t('crossNetwork.mode')} name="cross-network-mode" options={MODES} value={mode} onChange={setMode} text={(m) => t(`crossNetwork.${m}`)} />
        </CardHeader>
        <div className="card__body stack">
          <NetworkFollowersChart lines={lines} mode={mode} range={range} fileStem={fileStem} />
          {mode === 'indexed' && indexNotes.length ? (
            <ul className="xnet-notes" data-testid="cross-network-index-notes">
              {indexNotes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
          <NetworkTable lines={networks} range={range} />
        </div>
      </section>
      <section className="card" aria-labelledby="cross-network-gains-title">
        <CardHeader titleId="cross-network-gains-title" title={t('crossNetwork.gains.title')} subtitle={t('crossNetwork.gains.subtitle')} />
        <div className="card__body stack">
          <NetworkGainsChart series={report.networkSeries} granularity={report.granularity} range={range} fileStem={fileStem} />
        </div>
      </section>
    </>
  );
}

/** Like the headline cards: 12,5 % / +12.5%, signed for a change, plain for a share. */
function formatPct(value: number, language: string, signed: boolean): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value / 100);
}

function NetworkTable({ lines, range }: { lines: ReportNetworkLine[]; range: { from: string; to: string } }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const colors = useNetworkColors();
  const number = (value: number | null): string => (value === null ? '—' : formatNumber(value, language));
  const countsOnly = lines.filter((l) => l.netGainFrom === 'counts' && l.startDay);
  return (
    <div className="stack stack--tight">
      <div className="table-wrap">
        <table className="table table--compact xnet-table" data-testid="cross-network-table">
          <caption className="visually-hidden">{t('crossNetwork.table.caption', { from: formatDay(range.from, language), to: formatDay(range.to, language) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('crossNetwork.table.network')}</th>
              {NUMBER_COLUMNS.map((column) => (
                <th key={column} scope="col" className="num">
                  {t(`crossNetwork.table.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.network} data-network={line.network}>
                <th scope="row">
                  <span className="xnet-swatch" style={{ background: colors[line.network] }} aria-hidden="true" />
                  {NETWORK_NAMES[line.network]}
                  {line.netGainFrom === 'counts' ? ' *' : ''}
                </th>
                <td className="num" data-cell="start">
                  {number(line.followersStart)}
                </td>
                <td className="num" data-cell="end">
                  {number(line.followersEnd)}
                </td>
                <td className="num" data-cell="net">
                  {line.netGainFrom === 'counts' && line.followersStart === null ? '—' : formatGain(line.netGain, language)}
                </td>
                <td className="num" data-cell="growth">
                  {line.growthPct === null ? '—' : formatPct(line.growthPct, language, true)}
                </td>
                <td className="num" data-cell="share">
                  {line.share === null ? '—' : formatPct(line.share * 100, language, false)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {countsOnly.map((line) => (
        <p key={line.network} className="muted" data-testid="cross-network-counts-only">
          * {t('crossNetwork.countsOnly', { network: NETWORK_NAMES[line.network], day: formatDay(line.startDay!, language) })}
        </p>
      ))}
    </div>
  );
}
