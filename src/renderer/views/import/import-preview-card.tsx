import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/imports';
import { Alert } from '../../components/alert';
import { useImportReason } from './use-import-reason';

const LISTED = 20;

function Rejections({ preview }: { preview: ImportPreview }): React.JSX.Element {
  const { t } = useTranslation();
  const reason = useImportReason();
  const listed = preview.rejections.slice(0, LISTED);
  return (
    <Alert tone="error" title={t('importView.rejectedTitle', { count: preview.rejectedCount })} testId="import-rejections">
      <p>{t('importView.rejectedHint')}</p>
      <ul className="import-rejections">
        {listed.map((r, i) => (
          <li key={i}>
            <span className="import-rejections__where">
              {r.file} · {r.line === null ? t('importView.wholeFile') : t('importView.line', { line: r.line })}
            </span>{' '}
            {reason(r)}
          </li>
        ))}
      </ul>
      {preview.rejectedCount > listed.length ? <p>{t('importView.rejectedMore', { count: preview.rejectedCount - listed.length })}</p> : null}
    </Alert>
  );
}

function RowsTable({ preview }: { preview: ImportPreview }): React.JSX.Element {
  const { t } = useTranslation();
  const cell = (value: number | null): string => (value === null ? '—' : String(value));
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="import-rows">
        <thead>
          <tr>
            <th>{t('importView.columns.day')}</th>
            <th>{t('importView.columns.organic')}</th>
            <th>{t('importView.columns.paid')}</th>
            <th>{t('importView.columns.total')}</th>
            <th>{t('importView.columns.followers')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.day}>
              <td>{row.day}</td>
              <td>{cell(row.organic)}</td>
              <td>{cell(row.paid)}</td>
              <td>{cell(row.total)}</td>
              <td>{cell(row.followers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the file holds and what importing it would do; problems first. */
export function ImportPreviewCard({ preview }: { preview: ImportPreview }): React.JSX.Element {
  const { t } = useTranslation();
  const reason = useImportReason();
  return (
    <section className="card" data-testid="import-preview">
      <div className="card__header">
        <div>
          <h2 className="card__title">{t('importView.previewTitle')}</h2>
          <p className="card__subtitle" data-testid="import-format">
            {t(`importView.formats.${preview.format}`)}
          </p>
        </div>
      </div>
      <div className="card__body stack">
        <p data-testid="import-summary">{t('importView.summary', { rows: preview.rowsRead, gainDays: preview.gainDays, totalDays: preview.totalDays })}</p>
        {preview.firstDay ? <p>{t('importView.span', { from: preview.firstDay, to: preview.lastDay, account: preview.accountId, network: preview.network })}</p> : null}
        {preview.files.flatMap((f) => f.warnings).map((w, i) => (
          <Alert key={i} tone="warning">
            {reason(w)}
          </Alert>
        ))}
        {preview.daysAlreadyFromApi > 0 ? <Alert tone="info">{t('importView.apiDays', { count: preview.daysAlreadyFromApi })}</Alert> : null}
        {!preview.accountTracked ? <Alert tone="info">{t('importView.notTracked')}</Alert> : null}
        {preview.rejectedCount > 0 ? <Rejections preview={preview} /> : null}
        {preview.rows.length > 0 ? <RowsTable preview={preview} /> : null}
      </div>
    </section>
  );
}
