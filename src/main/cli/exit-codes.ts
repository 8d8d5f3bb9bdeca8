import type { ErrorCode } from '../../shared/error-codes';

/** Contract §3. */
export const EXIT = { ok: 0, runFailed: 1, usage: 2, locked: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeForError(code: ErrorCode): ExitCode {
  switch (code) {
    case 'USAGE':
    case 'SETTINGS_INVALID':
    case 'NO_ACCOUNTS':
      return EXIT.usage;
    case 'LOCK_HELD':
      return EXIT.locked;
    default:
      return EXIT.runFailed;
  }
}
