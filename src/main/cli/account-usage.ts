import { SOURCES } from '../engine/sources/registry';

/** `follower-pulse accounts add linkedin ORG_ID`, one per network, for "how do I add a page" advice. */
export function addAccountCommands(): string {
  return SOURCES.map((s) => `follower-pulse accounts add ${s.id} ${s.accountIdPlaceholder}`).join(' or ');
}
