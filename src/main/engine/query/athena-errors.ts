import { AppError, isAppError } from '../errors';

/**
 * Athena and AWS SDK failures → one line each: what happened — what to do (ATHENA_FAILED).
 * Pure: the context names the settings a user would change.
 */

export interface AthenaErrorContext {
  workgroup: string;
  database: string;
  bucket: string;
  region: string | null;
}

const ACCESS_HINT = (ctx: AthenaErrorContext): string =>
  `allow this AWS identity athena:StartQueryExecution, GetQueryExecution, GetQueryResults, StopQueryExecution and GetTableMetadata, Glue access to the ${ctx.database} database, S3 read on the lake and write on the results location`;

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function errorText(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error));
}

function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    (typeof code === 'string' && /^(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH)$/.test(code)) ||
    errorName(error) === 'TimeoutError'
  );
}

function failed(message: string, hint: string, cause: unknown, retryable = false): AppError {
  return new AppError('ATHENA_FAILED', message, { hint, cause, retryable });
}

/** Text Athena uses both in call errors and in a failed query's StateChangeReason. */
function knownReason(text: string, ctx: AthenaErrorContext, cause: unknown): AppError | null {
  if (/no output location/i.test(text)) {
    return failed(
      `Athena has nowhere to write query results: athena.outputLocation is not set and workgroup "${ctx.workgroup}" sets no result location`,
      `set athena.outputLocation to s3://${ctx.bucket || 'your-bucket'}/athena-results/`,
      cause,
    );
  }
  if (/workgroup/i.test(text) && /not (be )?found|does not exist|disabled|invalid/i.test(text)) {
    return failed(
      `Athena workgroup "${ctx.workgroup}" was not found or is disabled${ctx.region ? ` in ${ctx.region}` : ''}`,
      'create it in the Athena console, or set athena.workgroup to an existing one (e.g. primary)',
      cause,
    );
  }
  if (/access ?denied|not authorized|permission/i.test(text)) {
    return failed(`AWS denied access to Athena: ${text}`, ACCESS_HINT(ctx), cause);
  }
  return null;
}

/** A failed SDK call (StartQueryExecution, GetQueryResults, …). */
export function athenaCallError(error: unknown, ctx: AthenaErrorContext): AppError {
  if (isAppError(error)) return error;
  const name = errorName(error);
  const text = errorText(error);
  const known = knownReason(text, ctx, error);
  if (known) return known;
  if (name === 'AccessDeniedException') return failed(`AWS denied access to Athena: ${text}`, ACCESS_HINT(ctx), error);
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(text)) {
    return failed('No AWS credentials were found for Athena', 'set s3.profile to a profile in ~/.aws/config, or sign in with aws sso login or AWS_* environment variables', error);
  }
  if (/region is missing/i.test(text)) {
    return failed('No AWS region is set for Athena', 'set athena.region (or s3.region), e.g. us-east-1', error);
  }
  if (name === 'TooManyRequestsException' || name === 'ThrottlingException') {
    return failed('Athena is throttling requests', 'try again in a minute', error, true);
  }
  if (isNetworkError(error)) return failed(`Could not reach Athena: ${text}`, 'check the internet connection or proxy, then try again', error, true);
  if (name === 'InvalidRequestException') return failed(`Athena refused the query: ${text}`, 'check the SQL and the athena.* settings', error);
  return failed(`The Athena call failed: ${text}`, 'try again; if it keeps failing run: follower-pulse doctor', error);
}

/** A query Athena ran and reported FAILED, with its StateChangeReason. */
export function athenaQueryFailure(reason: string | undefined, queryId: string, ctx: AthenaErrorContext): AppError {
  const text = firstLine(reason ?? 'no reason given');
  if (/no output location/i.test(text) || /workgroup/i.test(text)) {
    const known = knownReason(text, ctx, undefined);
    if (known) return known;
  }
  if (/TABLE_NOT_FOUND|SCHEMA_NOT_FOUND|does not exist|not found/i.test(text)) {
    return failed(`Athena query failed: ${text}`, 'create the database and tables: follower-pulse athena setup', undefined);
  }
  if (/access ?denied|not authorized/i.test(text)) return failed(`Athena query failed: ${text}`, ACCESS_HINT(ctx), undefined);
  return failed(`Athena query failed: ${text}`, `check the SQL; query ${queryId} in the Athena console has the details`, undefined);
}
