import { useTranslation } from 'react-i18next';
import type { QueryResultDto } from '../../shared/ui-api';
import { useApp } from '../hooks/app-context';
import { formatCell, formatNumber } from '../format/format';

type Cell = QueryResultDto['rows'][number][string];

const ENUM_COLUMNS = new Set(['status', 'trigger']);

interface ResultTableProps {
  result: Pick<QueryResultDto, 'columns' | 'rows'>;
  maxRows?: number;
  label: string;
  /** Show the lake's columns by their display names (the previews); the SQL box keeps the names the query used. */
  labelColumns?: boolean;
  /** Say "N of M rows" under the table; off where the caller says how many there are. */
  showCount?: boolean;
}

/** Query rows as a readable table: numbers right-aligned in the locale, dates as the reader writes them, NULL visibly empty. */
export function ResultTable({ result, maxRows = 50, label, labelColumns = false, showCount = true }: ResultTableProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { language } = useApp();
  const shown = result.rows.slice(0, maxRows);
  const heading = (column: string): string => (labelColumns && i18n.exists(`column.${column}`) ? t(`column.${column}` as 'column.day') : column);
  // The previews also word the lake's enumerations (a run's status and trigger) like the Run history does.
  const cell = (column: string, value: Cell): string => {
    const key = labelColumns && typeof value === 'string' && ENUM_COLUMNS.has(column) ? `${column}.${value}` : null;
    return key && i18n.exists(key) ? t(key as 'status.success') : formatCell(value, language);
  };
  return (
    <div className="stack stack--tight">
      <div className="table-wrap result-table">
        <table className="table table--compact" aria-label={label}>
          <thead>
            <tr>
              {result.columns.map((c) => (
                <th key={c} scope="col" title={labelColumns ? c : undefined}>
                  {heading(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => (
              <tr key={i}>
                {result.columns.map((c) => {
                  const value = row[c] ?? null;
                  return (
                    <td key={c} className={value === null ? 'is-null' : typeof value === 'number' ? 'num' : 'nowrap'}>
                      {cell(c, value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {showCount ? (
        <div className="muted result-table__count">
          {result.rows.length > shown.length
            ? t('data.rowsShown', { shown: formatNumber(shown.length, language), total: formatNumber(result.rows.length, language) })
            : t('data.rowsCount', { count: result.rows.length, formatted: formatNumber(result.rows.length, language) })}
        </div>
      ) : null}
    </div>
  );
}
