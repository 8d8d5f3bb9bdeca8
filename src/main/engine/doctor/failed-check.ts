import type { DoctorCheck } from '../../../shared/ui-api';
import { toAppError } from '../errors';

/** A check that threw: its code and message as the detail, its hint as the fix. */
export function fail(id: string, title: string, error: unknown): DoctorCheck {
  const e = toAppError(error);
  return { id, title, status: 'fail', detail: `${e.code}: ${e.message}`, fix: e.hint };
}
