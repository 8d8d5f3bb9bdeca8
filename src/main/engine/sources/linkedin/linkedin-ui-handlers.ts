import type { AppContext } from '../../app/app-context';
import type { MethodGroup } from '../../app/method-table';
import { createLinkedInHandlers } from './linkedin-page-handlers';
import { SignInSession } from './linkedin-sign-in';

type LinkedInMethods = 'linkedin.checkToken' | 'linkedin.discoverPages' | 'linkedin.startSignIn' | 'linkedin.signInState';

/** LinkedIn's own UI methods: its sign-in flow and the pages a token administers. */
export function createLinkedInUiHandlers(ctx: AppContext): { handlers: MethodGroup<LinkedInMethods>; close(): void } {
  const signIn = new SignInSession(ctx);
  return { handlers: { ...createLinkedInHandlers(ctx), ...signIn.handlers() }, close: () => signIn.cancel() };
}
