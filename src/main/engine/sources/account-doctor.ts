import type { DoctorCheck } from '../../../shared/ui-api';
import { fail } from '../doctor/failed-check';
import type { DoctorContext, SourceDescription } from './source';

/**
 * `doctor` for a network whose check is "the token reads the first tracked account": one quick
 * attempt, the network's own error as the fix. `billed` networks (X) only check that a token
 * is stored, so a doctor run never spends a paid read.
 */
export async function accountDoctorChecks(source: SourceDescription, context: DoctorContext, options: { billed?: boolean } = {}): Promise<DoctorCheck[]> {
  const account = context.settings.accounts.find((a) => a.network === source.id && a.enabled);
  if (!account) return [];
  const id = `${source.id}-token`;
  const title = `${source.displayName} token`;
  try {
    if (options.billed) {
      await source.token.load(context.secrets, 'cli');
      return [{ id, title, status: 'ok', detail: 'stored (not read: every X read is billed; the next sync tests it)' }];
    }
    const client = source.createClient({ settings: context.settings, secrets: context.secrets, now: () => context.now, interactive: true });
    const followers = await client.fetchTotal(account.id);
    return [{ id, title, status: 'ok', detail: `reads ${account.name || account.id}: ${followers} followers` }];
  } catch (error) {
    return [fail(id, title, source.classifyError(error))];
  }
}
