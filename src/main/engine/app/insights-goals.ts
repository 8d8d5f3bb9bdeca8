import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Goal, GoalInput, GoalView } from '../../../shared/insights';
import { isNetwork } from '../../../shared/networks';
import type { AccountFacts } from '../analytics/daily-facts';
import { selectionFollowersAt } from '../analytics/followers';
import { goalView, PACE_DAYS } from '../analytics/goals';
import { newestDataDay } from '../analytics/selection';
import { isDay } from '../dates';
import { AppError } from '../errors';
import { isSafeAccountId } from '../lake/lake-layout';
import { completeGains, eventScope } from './insights-events';
import { GOALS_FILE, readListFile, writeListFile } from './insights-json-file';

export { GOALS_FILE };
import type { InsightsServices } from './insights-selection';

function usage(message: string): AppError {
  return new AppError('USAGE', message, { hint: 'see: follower-pulse goals --help' });
}

export function progressOf(goal: Goal, accounts: ReadonlyMap<string, AccountFacts>): GoalView {
  const scope = eventScope(goal, accounts);
  const asOf = newestDataDay(scope);
  if (asOf === null) return goalView(goal, { asOf: null, current: null, gains: new Map() });
  return goalView(goal, { asOf, current: selectionFollowersAt(scope, asOf)?.value ?? null, gains: completeGains(scope, asOf - PACE_DAYS + 1, asOf) });
}

async function loadGoals(services: InsightsServices): Promise<Goal[]> {
  return (await readListFile<Goal>(join(services.home, GOALS_FILE), 'goals')) ?? [];
}

export async function listGoals(services: InsightsServices): Promise<{ goals: GoalView[] }> {
  const [goals, lake] = await Promise.all([loadGoals(services), services.facts()]);
  return { goals: goals.map((goal) => progressOf(goal, lake.accounts)) };
}

export function normaliseGoal(input: GoalInput): Omit<Goal, 'id'> {
  if (!Number.isSafeInteger(input.target) || input.target <= 0) throw usage(`The target must be a whole number of followers above 0, not ${String(input.target)}`);
  if (!isDay(input.by)) throw usage(`The date must be YYYY-MM-DD, not ${JSON.stringify(input.by)}`);
  let network = input.network ?? null;
  let accountId = input.accountId?.trim() || null;
  if (accountId?.includes(':')) {
    const [keyNetwork, id] = [accountId.slice(0, accountId.indexOf(':')), accountId.slice(accountId.indexOf(':') + 1)];
    if (!isNetwork(keyNetwork)) throw usage(`Not an account: ${accountId} (write it as NETWORK:ID, e.g. linkedin:2414183)`);
    network = keyNetwork;
    accountId = id;
  }
  if (accountId !== null && (network === null || !isSafeAccountId(accountId))) throw usage(`Not an account: ${accountId} (write it as NETWORK:ID, e.g. linkedin:2414183)`);
  const name = input.name?.trim().slice(0, 200) || `${input.target.toLocaleString('en-US')} followers by ${input.by}`;
  return { name, network, accountId, target: input.target, by: input.by };
}

export async function addGoal(services: InsightsServices, input: GoalInput): Promise<GoalView> {
  const goal: Goal = { id: `goal-${randomBytes(5).toString('hex')}`, ...normaliseGoal(input) };
  await writeListFile(join(services.home, GOALS_FILE), 'goals', [...(await loadGoals(services)), goal]);
  return progressOf(goal, (await services.facts()).accounts);
}

export async function removeGoal(services: InsightsServices, id: string): Promise<{ removed: boolean }> {
  const goals = await loadGoals(services);
  const kept = goals.filter((g) => g.id !== id);
  if (kept.length === goals.length) return { removed: false };
  await writeListFile(join(services.home, GOALS_FILE), 'goals', kept);
  return { removed: true };
}
