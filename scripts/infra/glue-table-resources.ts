import { stringify } from 'yaml';
import { athenaTableDefinitions, type AthenaTableDefinition } from '../../src/main/engine/query/athena-ddl';
import type { AthenaColumn } from '../../src/main/engine/query/athena-tables';

/**
 * The CloudFormation Glue tables, rendered from the definitions `athena setup` uses
 * (athena-ddl.ts), so the stack and the app can never describe the lake differently. Written
 * into infra/follower-pulse.cloudformation.yaml between the markers by `npm run infra:generate`;
 * a test fails when the committed template differs from what this renders.
 *
 * Long-form intrinsics (`Ref`, `Fn::Sub`) keep the generated block plain YAML.
 */
export const BEGIN_MARKER = '  # BEGIN GENERATED GLUE TABLES (npm run infra:generate renders them from src/main/engine/query/athena-tables.ts; do not edit)';
export const END_MARKER = '  # END GENERATED GLUE TABLES';

// Rendered with placeholders, then swapped for the stack's parameters.
const PLACEHOLDER_BUCKET = 'cfn-placeholder-bucket';
const PLACEHOLDER_MONTH = '1970-01';

export function glueTableLogicalId(table: string): string {
  return `GlueTable${table
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}`;
}

function column(c: AthenaColumn): Record<string, string> {
  return { Name: c.name, Type: c.type, Comment: c.comment };
}

/** A value that mentions the bucket, prefix or first month becomes an Fn::Sub over the parameters. */
function parameterised(value: string): string | { 'Fn::Sub': string } {
  if (!value.includes(PLACEHOLDER_BUCKET) && !value.includes(PLACEHOLDER_MONTH)) return value;
  const sub = value
    .replaceAll('${', '${!') // a literal ${month} in a storage template stays literal in Fn::Sub
    .replaceAll(`s3://${PLACEHOLDER_BUCKET}/`, 's3://${DataBucket}/${LakePrefix}')
    .replaceAll(PLACEHOLDER_MONTH, '${ProjectionStartMonth}');
  return { 'Fn::Sub': sub };
}

function tableResource(table: AthenaTableDefinition): Record<string, unknown> {
  const parameters: Record<string, unknown> = { EXTERNAL: 'TRUE', classification: 'csv' };
  for (const [key, value] of Object.entries(table.tableProperties)) parameters[key] = parameterised(value);
  return {
    Type: 'AWS::Glue::Table',
    Properties: {
      CatalogId: { Ref: 'AWS::AccountId' },
      DatabaseName: { Ref: 'GlueDatabase' },
      TableInput: {
        Name: table.name,
        Description: table.comment,
        TableType: 'EXTERNAL_TABLE',
        Parameters: parameters,
        PartitionKeys: table.partition ? [column(table.partition)] : [],
        StorageDescriptor: {
          Columns: table.columns.map(column),
          Location: parameterised(table.location),
          InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          SerdeInfo: { SerializationLibrary: table.serdeLibrary, Parameters: table.serdeProperties },
        },
      },
    },
  };
}

/** The Glue table resources by logical id, as CloudFormation reads them. */
export function glueTableResources(): Record<string, Record<string, unknown>> {
  const definitions = athenaTableDefinitions({ database: 'placeholder', bucket: PLACEHOLDER_BUCKET, prefix: '', oldestMonth: PLACEHOLDER_MONTH });
  return Object.fromEntries(definitions.map((table) => [glueTableLogicalId(table.name), tableResource(table)]));
}

/** The generated block, markers included, indented to sit under `Resources:`. */
export function renderGlueTablesBlock(): string {
  const body = stringify(glueTableResources(), { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `${BEGIN_MARKER}\n${body}\n${END_MARKER}`;
}

/** The template with its generated block replaced; throws when the markers are missing. */
export function spliceGlueTables(template: string, block: string = renderGlueTablesBlock()): string {
  const start = template.indexOf(BEGIN_MARKER);
  const end = template.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error('The template lacks the GENERATED GLUE TABLES markers');
  return `${template.slice(0, start)}${block}${template.slice(end + END_MARKER.length)}`;
}
