import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_COLUMN_NAMES, type ImportReasonCode, type ImportReasonParams } from '../../../shared/imports';

type ColumnName = (typeof IMPORT_COLUMN_NAMES)[number];

function isColumnName(value: unknown): value is ColumnName {
  return typeof value === 'string' && (IMPORT_COLUMN_NAMES as readonly string[]).includes(value);
}

/** A rejection or note in the UI's language, from the code and parameters the engine sends. */
export function useImportReason(): (item: { code: ImportReasonCode; params: ImportReasonParams }) => string {
  const { t } = useTranslation();
  return useCallback(
    ({ code, params }) => {
      const column = isColumnName(params.column) ? t(`importView.columnNames.${params.column}`) : params.column;
      return t(`importView.reasons.${code}`, { ...params, ...(column === undefined ? {} : { column }) });
    },
    [t],
  );
}
