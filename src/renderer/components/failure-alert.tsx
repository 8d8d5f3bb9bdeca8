import type { ApiFailure } from '../../shared/ui-api';
import { isTransportFailure } from '../api/transport-failure';
import { ExplainedError } from './explained-error';

/** A failed API call, explained (see ExplainedError). */
export function FailureAlert({ failure, title, testId }: { failure: Pick<ApiFailure, 'code' | 'message' | 'hint'>; title?: string; testId?: string }): React.JSX.Element {
  return <ExplainedError code={failure.code} message={failure.message} hint={failure.hint} localized={isTransportFailure(failure)} title={title} testId={testId} />;
}
