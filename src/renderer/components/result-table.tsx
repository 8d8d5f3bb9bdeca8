import { useTranslation } from 'react-i18next';
import type { QueryResultDto } from '../../shared/ui-api';
import { useApp } from '../hooks/app-context';
import { formatNumber } from '../format/format';

type Cell = QueryResultDto['rows'][number][string];

/** Query rows as a readable table: numbers right-aligned in the locale, NULL visibly empty. */
export function ResultTable({ result, maxRows = 50, label, showCount = true }: { result: Pick<QueryResultDto, 'columns' | 'rows'>; maxRows?: number; label: string; showCount?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const shown = result.rows.slice(0, maxRows);
  const format = (value: Cell): string => {
    if (value === null) return 'NULL';
    if (typeof value === 'number') return Number.isInteger(value) ? formatNumber(value, language) : formatNumber(value, language, 2);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    return value;
  };
  return (
    <div className="stack stack--tight">
      <div className="table-wrap result-table">
        <table className="table table--compact" aria-label={label}>
          <thead>
            <tr>
              {result.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
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
                      {format(value)}
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
