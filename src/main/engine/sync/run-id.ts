import { randomBytes } from 'node:crypto';

/** `20261128T070001Z-3f9a`: sortable by start time, unique across machines sharing a bucket. */
export function newRunId(startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}
