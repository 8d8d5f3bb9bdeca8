import type { UiMethod, UiRequest, UiResponse } from '../../../shared/ui-api';

/**
 * One implementation per UI method, taking the already validated request. Failures are thrown
 * as AppError and become ApiFailure in one place (create-ui-handlers.ts).
 */
export type MethodTable = { [M in UiMethod]: (request: UiRequest<M>) => Promise<UiResponse<M>> };

export type MethodGroup<K extends UiMethod> = Pick<MethodTable, K>;
