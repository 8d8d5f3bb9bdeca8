import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings-schema';
import type { ApiFailure, DoctorCheck } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { FailureAlert } from '../../components/failure-alert';
import { CheckField, TextField } from '../../components/fields';
import { Spinner } from '../../components/spinner';
import { DoctorChecklist } from './doctor-checklist';
import { SectionCard } from './section-card';
import { useSectionForm, type ToPatch } from './use-section-form';
import { orNull } from './validation';

interface Draft {
  's3.enabled': boolean;
  's3.bucket': string;
  's3.prefix': string;
  's3.region': string;
  's3.profile': string;
  's3.endpoint': string;
  's3.forcePathStyle': boolean;
  'athena.enabled': boolean;
  'athena.database': string;
  'athena.workgroup': string;
  'athena.outputLocation': string;
  'athena.region': string;
}

const fromSettings = (s: Settings): Draft => ({
  's3.enabled': s.s3.enabled,
  's3.bucket': s.s3.bucket,
  's3.prefix': s.s3.prefix,
  's3.region': s.s3.region,
  's3.profile': s.s3.profile ?? '',
  's3.endpoint': s.s3.endpoint ?? '',
  's3.forcePathStyle': s.s3.forcePathStyle,
  'athena.enabled': s.athena.enabled,
  'athena.database': s.athena.database,
  'athena.workgroup': s.athena.workgroup,
  'athena.outputLocation': s.athena.outputLocation ?? '',
  'athena.region': s.athena.region ?? '',
});

const toPatch: ToPatch<Draft> = (d) => ({
  s3: {
    enabled: d['s3.enabled'],
    bucket: d['s3.bucket'].trim(),
    prefix: d['s3.prefix'].trim(),
    region: d['s3.region'].trim(),
    profile: orNull(d['s3.profile']),
    endpoint: orNull(d['s3.endpoint']),
    forcePathStyle: d['s3.forcePathStyle'],
  },
  athena: {
    enabled: d['athena.enabled'],
    database: d['athena.database'].trim(),
    workgroup: d['athena.workgroup'].trim(),
    outputLocation: orNull(d['athena.outputLocation']),
    region: orNull(d['athena.region']),
  },
});

type TextKey = { [K in keyof Draft]: Draft[K] extends string ? K : never }[keyof Draft];
type BoolKey = { [K in keyof Draft]: Draft[K] extends boolean ? K : never }[keyof Draft];

export function AwsSection(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const form = useSectionForm(fromSettings, toPatch);
  const [testing, setTesting] = useState(false);
  const [checks, setChecks] = useState<DoctorCheck[] | null>(null);
  const [testFailure, setTestFailure] = useState<ApiFailure | null>(null);

  const test = async (): Promise<void> => {
    if (form.dirty && !(await form.save())) return;
    setTesting(true);
    setChecks(null);
    setTestFailure(null);
    const result = await api.call('doctor.run');
    setTesting(false);
    if (result.ok) setChecks(result.value);
    else setTestFailure(result);
  };

  const text = (key: TextKey) => ({ value: form.draft[key], onChange: (v: string) => form.set(key, v), error: form.errors[key], path: key });
  const check = (key: BoolKey) => ({ checked: form.draft[key], onChange: (v: boolean) => form.set(key, v), error: form.errors[key], path: key });
  return (
    <SectionCard
      id="aws"
      title={t('settings.aws.title')}
      description={t('settings.aws.description')}
      form={{ ...form, hasErrors: Object.keys(form.errors).length > 0, onSave: () => void form.save(), onReset: form.reset }}
      actions={
        <button type="button" className="btn" onClick={() => void test()} disabled={testing}>
          {testing ? <Spinner /> : null}
          {t('settings.aws.test')}
        </button>
      }
    >
      <h3>Amazon S3</h3>
      <div className="form-grid">
        <CheckField label={t('settings.aws.s3Enabled')} help={t('settings.aws.s3EnabledHelp')} className="span-all" {...check('s3.enabled')} />
        <TextField label={t('settings.aws.bucket')} placeholder="empresa-marketing-dados" {...text('s3.bucket')} />
        <TextField label={t('settings.aws.prefix')} placeholder="follower-pulse/" help={t('settings.aws.prefixHelp')} {...text('s3.prefix')} />
        <TextField label={t('settings.aws.region')} placeholder="sa-east-1" {...text('s3.region')} />
        <TextField label={t('settings.aws.profile')} placeholder="default" help={t('settings.aws.profileHelp')} {...text('s3.profile')} />
        <TextField label={t('settings.aws.endpoint')} type="url" placeholder="https://s3.sa-east-1.amazonaws.com" help={t('settings.aws.endpointHelp')} {...text('s3.endpoint')} />
        <CheckField label={t('settings.aws.forcePathStyle')} help={t('settings.aws.forcePathStyleHelp')} {...check('s3.forcePathStyle')} />
      </div>
      <h3>Amazon Athena</h3>
      <div className="form-grid">
        <CheckField label={t('settings.aws.athenaEnabled')} help={t('settings.aws.athenaEnabledHelp')} className="span-all" {...check('athena.enabled')} />
        <TextField label={t('settings.aws.database')} {...text('athena.database')} />
        <TextField label={t('settings.aws.workgroup')} {...text('athena.workgroup')} />
        <TextField label={t('settings.aws.outputLocation')} placeholder="s3://empresa-athena-resultados/" help={t('settings.aws.outputLocationHelp')} {...text('athena.outputLocation')} />
        <TextField label={t('settings.aws.athenaRegion')} placeholder="sa-east-1" help={t('settings.aws.athenaRegionHelp')} {...text('athena.region')} />
      </div>
      {testFailure ? <FailureAlert failure={testFailure} /> : null}
      {checks ? <DoctorChecklist checks={checks} /> : null}
    </SectionCard>
  );
}
