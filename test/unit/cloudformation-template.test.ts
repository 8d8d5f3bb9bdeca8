import { readFileSync } from 'node:fs';
import { parse, type Tags } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ATHENA_TABLES } from '../../src/main/engine/query/athena-tables';
import { glueTableLogicalId, glueTableResources, spliceGlueTables } from '../../scripts/infra/glue-table-resources';

// CloudFormation's short-form intrinsics, read as the long form CloudFormation itself turns them into.
const INTRINSICS = ['Ref', 'Sub', 'GetAtt', 'If', 'Equals', 'Not', 'And', 'Or', 'Join', 'Select', 'Split', 'FindInMap', 'Base64', 'GetAZs', 'ImportValue', 'Condition'];
const longName = (name: string): string => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);
const CFN_TAGS: Tags = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => ({ [longName(name)]: name === 'GetAtt' ? value.split('.') : value }) },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (seq: { toJSON(): unknown }) => ({ [longName(name)]: seq.toJSON() }) },
  { tag: `!${name}`, collection: 'map' as const, resolve: (map: { toJSON(): unknown }) => ({ [longName(name)]: map.toJSON() }) },
]);

const TEMPLATE_URL = new URL('../../infra/follower-pulse.cloudformation.yaml', import.meta.url);
const text = readFileSync(TEMPLATE_URL, 'utf8');

interface Resource {
  Type: string;
  Condition?: string;
  DeletionPolicy?: string;
  Properties: Record<string, unknown>;
}
interface Template {
  Parameters: Record<string, { Default?: unknown; AllowedPattern?: string }>;
  Conditions: Record<string, unknown>;
  Resources: Record<string, Resource>;
  Outputs: Record<string, unknown>;
}

const template = parse(text, { customTags: CFN_TAGS }) as Template;
const resource = (id: string): Resource => {
  const r = template.Resources[id];
  if (!r) throw new Error(`no resource ${id}`);
  return r;
};
/** A property by dotted path (`A.B.0.C`); undefined where the path does not exist. */
function prop(id: string, path: string): unknown {
  let value: unknown = resource(id).Properties;
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

describe('infra/follower-pulse.cloudformation.yaml', () => {
  it('parses with CloudFormation’s intrinsic tags, and every !Ref names a parameter, a resource or a pseudo parameter', () => {
    expect(template.Resources).toBeTypeOf('object');
    const refs = [...JSON.stringify(template).matchAll(/"Ref":"([^"]+)"/g)].map((m) => m[1]);
    const known = new Set([...Object.keys(template.Parameters), ...Object.keys(template.Resources)]);
    expect(refs.filter((r) => !r.startsWith('AWS::') && !known.has(r))).toEqual([]);
    // ${Name} inside !Sub strings as well (${!x} is a literal).
    const subs = [...JSON.stringify(template).matchAll(/\$\{([A-Za-z0-9:]+)(?:\.[A-Za-z]+)?\}/g)].map((m) => m[1]);
    const subVars = new Set(['Hour', 'Minute']);
    expect(subs.filter((s) => !s.startsWith('AWS::') && !known.has(s) && !subVars.has(s))).toEqual([]);
  });

  it('the bucket: encrypted, versioned, private, kept on stack deletion, Athena results expire', () => {
    expect(resource('DataBucket').DeletionPolicy).toBe('Retain');
    expect(prop('DataBucket', 'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm')).toBe('AES256');
    expect(prop('DataBucket', 'VersioningConfiguration')).toEqual({ Status: 'Enabled' });
    expect(prop('DataBucket', 'PublicAccessBlockConfiguration')).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    const rules = prop('DataBucket', 'LifecycleConfiguration.Rules') as { Id: string }[];
    const results = rules.find((r) => r.Id === 'ExpireAthenaResults');
    expect(results).toMatchObject({ Status: 'Enabled', Prefix: 'athena-results/', ExpirationInDays: { Ref: 'AthenaResultsExpirationDays' } });
  });

  it('the Athena workgroup writes to the bucket’s results prefix and cuts off large scans', () => {
    expect(prop('AthenaWorkGroup', 'WorkGroupConfiguration.ResultConfiguration.OutputLocation')).toEqual({ 'Fn::Sub': 's3://${DataBucket}/athena-results/' });
    expect(prop('AthenaWorkGroup', 'WorkGroupConfiguration.BytesScannedCutoffPerQuery')).toEqual({ Ref: 'BytesScannedCutoffPerQuery' });
    expect(prop('AthenaWorkGroup', 'WorkGroupConfiguration.EnforceWorkGroupConfiguration')).toBe(true);
  });

  it('the app policy is least privilege: the lake prefix, the results prefix, the workgroup, Glue read only', () => {
    expect(resource('AppPolicy').Type).toBe('AWS::IAM::ManagedPolicy');
    const statements = prop('AppPolicy', 'PolicyDocument.Statement') as { Sid: string; Action: string[]; Resource: unknown }[];
    const actions = statements.flatMap((s) => s.Action);
    expect(actions.filter((a) => a.endsWith('*'))).toEqual([]);
    expect(actions.filter((a) => a.startsWith('glue:') && !/^glue:Get/.test(a))).toEqual([]);
    const sid = (id: string): { Action: string[]; Resource: unknown } => statements.find((s) => s.Sid === id)!;
    expect(sid('ReadWriteLake').Resource).toEqual({ 'Fn::Sub': '${DataBucket.Arn}/${LakePrefix}*' });
    expect(sid('QueryThroughWorkGroup').Resource).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/${AthenaWorkGroup}' });
    expect(JSON.stringify(statements)).not.toContain('"Resource":"*"');
  });

  it('EC2 start/stop: EventBridge Scheduler’s universal targets, only when an InstanceId is given', () => {
    expect(template.Conditions.HasInstance).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'InstanceId' }, ''] }] });
    for (const [id, api] of [
      ['StartInstanceSchedule', 'startInstances'],
      ['StopInstanceSchedule', 'stopInstances'],
    ] as const) {
      expect(resource(id)).toMatchObject({ Type: 'AWS::Scheduler::Schedule', Condition: 'HasInstance' });
      expect(prop(id, 'Target')).toMatchObject({
        Arn: `arn:aws:scheduler:::aws-sdk:ec2:${api}`,
        RoleArn: { 'Fn::GetAtt': ['InstanceSchedulerRole', 'Arn'] },
        Input: { 'Fn::Sub': '{"InstanceIds":["${InstanceId}"]}' },
      });
    }
    expect(resource('InstanceSchedulerRole').Condition).toBe('HasInstance');
    expect(prop('InstanceSchedulerRole', 'AssumeRolePolicyDocument.Statement.0.Principal')).toEqual({ Service: 'scheduler.amazonaws.com' });
    expect(prop('InstanceSchedulerRole', 'Policies.0.PolicyDocument.Statement.0.Action')).toEqual(['ec2:StartInstances', 'ec2:StopInstances']);
  });

  it('has one Glue table per app table, identical to what the app defines (npm run infra:generate)', () => {
    const tables = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Glue::Table');
    expect(tables.map(([id]) => id).sort()).toEqual(ATHENA_TABLES.map((t) => glueTableLogicalId(t.name)).sort());
    for (const [id, expected] of Object.entries(glueTableResources())) expect(template.Resources[id]).toEqual(expected);
  });

  it('the Glue tables carry the app’s columns, types, comments and partition projection', () => {
    for (const shape of ATHENA_TABLES) {
      const id = glueTableLogicalId(shape.name);
      expect(prop(id, 'TableInput.Name')).toBe(shape.name);
      expect(prop(id, 'TableInput.StorageDescriptor.Columns')).toEqual(shape.columns.map((c) => ({ Name: c.name, Type: c.type, Comment: c.comment })));
      if (shape.partition) {
        expect(prop(id, 'TableInput.PartitionKeys')).toEqual([{ Name: 'month', Type: 'string', Comment: shape.partition.comment }]);
        expect(prop(id, 'TableInput.Parameters')).toMatchObject({ 'projection.enabled': 'true', 'projection.month.type': 'date', 'projection.month.range': { 'Fn::Sub': '${ProjectionStartMonth},NOW' } });
        expect((prop(id, 'TableInput.Parameters') as Record<string, unknown>)['storage.location.template']).toEqual({ 'Fn::Sub': `s3://\${DataBucket}/\${LakePrefix}${shape.name}/month=\${!month}/` });
      } else expect(prop(id, 'TableInput.PartitionKeys')).toEqual([]);
    }
  });

  it('the committed file is exactly what the generator writes', () => {
    expect(spliceGlueTables(text)).toBe(text);
  });

  it('a drifted table is caught', () => {
    const drifted = text.replace('Name: organic_gain', 'Name: organic_gains');
    expect(spliceGlueTables(drifted)).not.toBe(drifted);
  });
});
