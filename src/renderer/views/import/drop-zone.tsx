import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Drag a file onto it or pick one; the native picker is the keyboard path. */
export function DropZone({ fileName, onFile }: { fileName: string | null; onFile: (file: File) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`drop-zone${over ? ' is-over' : ''}`}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <strong>{t('importView.drop')}</strong>
      {fileName ? <span className="drop-zone__file">{t('importView.chosen', { name: fileName })}</span> : null}
      <button type="button" className="btn" onClick={() => input.current?.click()}>
        {t('importView.choose')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="import-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
