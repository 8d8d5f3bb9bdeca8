import type { Chart as ChartJS } from 'chart.js';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, downloadPng, type CsvTable } from './chart-export';

/** "CSV" and "PNG" under a chart: its data as it is drawn, and the picture. */
export function ChartExportButtons({ chart, csv, fileStem, title }: { chart: RefObject<Pick<ChartJS, 'toBase64Image'> | null>; csv: () => CsvTable; fileStem: string; title?: string }): React.JSX.Element {
  const { t } = useTranslation();
  const png = (): void => {
    const instance = chart.current;
    if (instance) downloadPng(instance.toBase64Image('image/png', 1), `${fileStem}.png`);
  };
  return (
    <div className="row row--end chart-export">
      <button type="button" className="btn btn--small btn--ghost" onClick={() => downloadCsv(csv(), `${fileStem}.csv`)} title={title ? t('dashboard.export.csvOf', { chart: title }) : undefined}>
        {t('dashboard.export.csv')}
      </button>
      <button type="button" className="btn btn--small btn--ghost" onClick={png} title={title ? t('dashboard.export.pngOf', { chart: title }) : undefined}>
        {t('dashboard.export.png')}
      </button>
    </div>
  );
}
