/**
 * Holds the sync lock of the home given as argv[2] in a separate process, as a running sync
 * would: prints `locked` once it holds it, and releases it when stdin closes.
 */
import { acquireLock } from '../../src/main/engine/lock/lake-lock';

const home = process.argv[2];
if (!home) throw new Error('usage: lock-holder-process.ts HOME');
const lock = await acquireLock(home, { trigger: 'schedule' });
process.stdout.write('locked\n');
process.stdin.resume();
process.stdin.on('end', () => {
  void lock.release().then(() => process.exit(0));
});
