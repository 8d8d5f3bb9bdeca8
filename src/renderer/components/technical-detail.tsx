import { useTranslation } from 'react-i18next';

/**
 * The engine's own words (English, naming the exact page, day or key) folded away behind a
 * label in the reader's language: support needs them, the reader needs the explanation first.
 */
export function TechnicalDetail({ children, testId }: { children: React.ReactNode; testId?: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <details className="alert__detail technical-detail" data-testid={testId}>
      <summary>{t('common.technicalDetailSummary')}</summary>
      <p lang="en">{children}</p>
    </details>
  );
}
