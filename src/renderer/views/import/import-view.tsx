import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_FILE_BYTES, type ImportFormatName, type ImportMappingDto, type ImportPreview, type ImportResult, type ImportUploadDto } from '../../../shared/imports';
import { NETWORKS, type Network } from '../../../shared/networks';
import type { ApiFailure } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { Alert } from '../../components/alert';
import { FailureAlert } from '../../components/failure-alert';
import { SelectField, TextField } from '../../components/fields';
import { Spinner } from '../../components/spinner';
import { useApp } from '../../hooks/app-context';
import { DropZone } from './drop-zone';
import { fileToBase64 } from './file-base64';
import { ImportPreviewCard } from './import-preview-card';
import { MappingFields } from './mapping-fields';
import './import.css';

type Step =
  | { state: 'idle' }
  | { state: 'busy'; label: string }
  | { state: 'preview'; preview: ImportPreview }
  | { state: 'done'; result: ImportResult }
  | { state: 'failed'; failure: Pick<ApiFailure, 'code' | 'message' | 'hint'> };

const NETWORK_LABELS: Record<Network, string> = { linkedin: 'LinkedIn', facebook: 'Facebook', instagram: 'Instagram', x: 'X' };

/** Drop a file, see what it holds and what would be rejected, then import it whole. */
export function ImportView(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const { settings } = useApp();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [network, setNetwork] = useState<Network>('linkedin');
  const [accountId, setAccountId] = useState(() => settings?.accounts.find((a) => a.network === 'linkedin')?.id ?? '');
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const [format, setFormat] = useState<ImportFormatName | 'auto'>('auto');
  const [mapping, setMapping] = useState<ImportMappingDto>({});

  const upload = useCallback(
    (f: { name: string; base64: string }, net: Network, account: string): ImportUploadDto => ({
      fileName: f.name,
      contentBase64: f.base64,
      network: net,
      ...(account.trim() ? { accountId: account.trim() } : {}),
      format,
      mapping,
    }),
    [format, mapping],
  );

  const preview = useCallback(
    async (f: { name: string; base64: string }, net: Network, account: string) => {
      setStep({ state: 'busy', label: t('importView.reading') });
      const result = await api.call('import.preview', upload(f, net, account));
      setStep(result.ok ? { state: 'preview', preview: result.value } : { state: 'failed', failure: result });
    },
    [api, t, upload],
  );

  const choose = async (chosen: File): Promise<void> => {
    if (chosen.size > MAX_IMPORT_FILE_BYTES) {
      setFile(null);
      setStep({ state: 'failed', failure: { code: 'USAGE', message: t('importView.tooLarge') } });
      return;
    }
    const next = { name: chosen.name, base64: await fileToBase64(chosen) };
    setFile(next);
    await preview(next, network, accountId);
  };

  const commit = async (): Promise<void> => {
    if (!file) return;
    setStep({ state: 'busy', label: t('importView.committing') });
    const result = await api.call('import.commit', upload(file, network, accountId));
    if (!result.ok) return setStep({ state: 'failed', failure: result });
    setStep(result.value.committed ? { state: 'done', result: result.value } : { state: 'preview', preview: result.value });
  };

  const shown = step.state === 'preview' ? step.preview : step.state === 'done' ? step.result : null;
  return (
    <div className="stack stack--loose">
      <header className="page__header">
        <div>
          <h1>{t('importView.title')}</h1>
          <p className="page__subtitle">{t('importView.subtitle')}</p>
        </div>
      </header>
      <section className="card">
        <div className="card__body stack">
          <div className="form-grid">
            <SelectField label={t('importView.network')} value={network} options={NETWORKS.map((n) => ({ value: n, label: NETWORK_LABELS[n] }))} onChange={setNetwork} />
            <TextField label={t('importView.account')} value={accountId} onChange={setAccountId} help={t('importView.accountHelp')} />
          </div>
          <MappingFields format={format} onFormat={setFormat} mapping={mapping} onMapping={setMapping} />
          <DropZone fileName={file?.name ?? null} onFile={(f) => void choose(f)} />
        </div>
        {file ? (
          <div className="card__footer">
            <button type="button" className="btn" disabled={step.state === 'busy'} onClick={() => void preview(file, network, accountId)}>
              {t('importView.check')}
            </button>
            <button
              type="button"
              className="btn btn--primary"
              data-testid="import-commit"
              disabled={step.state !== 'preview' || !step.preview.committable}
              onClick={() => void commit()}
            >
              {t('importView.commit')}
            </button>
          </div>
        ) : null}
      </section>
      {step.state === 'busy' ? <Spinner label={step.label} /> : null}
      {step.state === 'failed' ? <FailureAlert failure={step.failure} testId="import-failure" /> : null}
      {step.state === 'done' ? (
        <Alert tone="success" testId="import-result">
          {step.result.filesWritten.length > 0 ? t('importView.done', { days: step.result.daysWritten }) : t('importView.unchanged')}
        </Alert>
      ) : null}
      {shown ? <ImportPreviewCard preview={shown} /> : null}
    </div>
  );
}
