/**
 * One contender for the sync lock of the home given as argv[2]: waits for a line on stdin
 * (so that every contender starts its attempt at the same moment), tries to take the lock once
 * and prints `writer` or `refused`. A writer keeps the lock until stdin closes, so the test can
 * count how many processes believed they held it at the same time.
 */
import { createInterface } from 'node:readline';
import { acquireLock } from '../../src/main/engine/lock/lake-lock';

const home = process.argv[2];
if (!home) throw new Error('usage: lock-contender-process.ts HOME');
process.stdout.write('ready\n');
const input = createInterface({ input: process.stdin });
input.once('line', () => {
  acquireLock(home, { trigger: 'schedule' }).then(
    (lock) => {
      process.stdout.write('writer\n');
      input.once('close', () => void lock.release().then(() => process.exit(0)));
    },
    (error: unknown) => {
      const code = (error as { code?: string }).code ?? 'UNKNOWN';
      process.stdout.write(code === 'LOCK_HELD' ? 'refused\n' : `error ${code}\n`);
      process.exit(0);
    },
  );
});
