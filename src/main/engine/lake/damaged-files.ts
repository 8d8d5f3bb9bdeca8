import { lastDayOfMonth } from 'date-fns';
import { dateAsDay, dayAsDate } from '../../../shared/calendar-dates';
import { addDays, type Day, monthOf } from '../dates';
import type { RunWarning } from '../../../shared/run-record';
import type { DamagedLakeFile } from './local-lake';

/**
 * What a run does about damaged month files (issue 9 item 7), pure. A damaged file in a month
 * older than the lookback window is left alone and reported, so one bad line cannot stop the
 * new days from landing; a damaged file the run must rewrite still fails the run untouched.
 */

/** Months whose damaged files this run leaves alone: those wholly before the lookback window. */
export function monthsToLeaveAlone(damaged: readonly DamagedLakeFile[], newestDay: Day, lookbackDays: number): Set<string> {
  const lookbackMonth = monthOf(addDays(newestDay, 1 - Math.max(1, lookbackDays)));
  return new Set(damaged.map((f) => f.month).filter((month) => month < lookbackMonth));
}

function monthEnd(month: string): Day {
  return dateAsDay(lastDayOfMonth(dayAsDate(`${month}-01`)));
}

/** What to do about a damaged month file, in the words of the CLI. */
export function damagedFileFix(file: DamagedLakeFile): string {
  return (
    `re-fetch its days with: follower-pulse sync --from ${file.month}-01 --to ${monthEnd(file.month)} ` +
    '(while LinkedIn still serves them), or restore the file from S3 with: follower-pulse mirror'
  );
}

/** The run record's warning for a damaged file that is still damaged after the run. */
export function damagedFileWarning(file: DamagedLakeFile): RunWarning {
  return {
    code: 'LAKE_FILE_DAMAGED',
    message: `The local data file ${file.path} is damaged (${file.problem}); its days were left out of this run — ${damagedFileFix(file)}`,
  };
}
