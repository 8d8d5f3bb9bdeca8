import { useTranslation } from 'react-i18next';
import { IMPORT_FORMAT_NAMES, type ImportFormatName, type ImportMappingDto } from '../../../shared/imports';
import { SelectField, TextField } from '../../components/fields';

type Role = keyof ImportMappingDto;
const ROLES: Role[] = ['day', 'followers', 'organic', 'paid', 'gain'];

/** The format and, for generic tables, which column holds what; folded away until needed. */
export function MappingFields(props: {
  format: ImportFormatName | 'auto';
  onFormat: (format: ImportFormatName | 'auto') => void;
  mapping: ImportMappingDto;
  onMapping: (mapping: ImportMappingDto) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const formats: { value: ImportFormatName | 'auto'; label: string }[] = [
    { value: 'auto', label: t('importView.formatAuto') },
    ...IMPORT_FORMAT_NAMES.map((f) => ({ value: f, label: t(`importView.formats.${f}`) })),
  ];
  return (
    <details className="import-mapping">
      <summary>{t('importView.mappingTitle')}</summary>
      <div className="form-grid">
        <SelectField label={t('importView.format')} value={props.format} options={formats} onChange={props.onFormat} />
        {ROLES.map((role) => (
          <TextField
            key={role}
            label={t(`importView.mapping.${role}`)}
            value={props.mapping[role] ?? ''}
            placeholder={t('importView.mappingAuto')}
            onChange={(value) => props.onMapping({ ...props.mapping, [role]: value.trim() === '' ? undefined : value })}
          />
        ))}
      </div>
    </details>
  );
}
