import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountSchema } from '../../../shared/settings-schema';
import { TextField } from '../../components/fields';
import './linkedin.css';

/** For pages the token does not list (another admin's page, a token without the ACL scope). */
export function AddPageById({ onAdd, busy = false }: { onAdd: (id: string) => void; busy?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (): void => {
    // People paste the page's admin URL or the URN; keep the number.
    const value = id.trim().replace(/^.*(?:organization:|company\/)(\d+).*$/, '$1');
    if (!accountSchema.shape.id.safeParse(value).success || value === '') return setError(t('validation.pageId'));
    setError(null);
    setId('');
    onAdd(value);
  };

  return (
    <div className="add-by-id">
      <TextField label={t('pages.addById')} value={id} onChange={setId} onEnter={add} error={error} help={t('pages.addByIdHelp')} placeholder="2414183" inputMode="numeric" className="grow" />
      <button type="button" className="btn" onClick={add} disabled={busy}>
        {t('common.add')}
      </button>
    </div>
  );
}
