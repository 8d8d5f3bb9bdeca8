import type { SignInStart, SignInState } from '../../../../shared/ui-api';
import { toAppError } from '../../errors';
import { SettingsInvalidError } from '../../settings/settings-store';
import { LINKEDIN_SCOPE, startSignIn, type SignInFlow } from './linkedin-oauth';
import { saveTokenSet } from './linkedin-token-store';
import type { AppContext } from '../../app/app-context';
import type { MethodGroup } from '../../app/method-table';

/**
 * linkedin.startSignIn / signInState. One sign-in at a time: starting again replaces a waiting
 * one (its loopback server closes). Tokens go straight to the keychain; the UI only ever sees
 * the state and the expiry. Without a stored client secret the flow uses PKCE, which LinkedIn
 * must have enabled for the app.
 */
export class SignInSession {
  readonly #ctx: AppContext;
  #flow: SignInFlow | null = null;
  #state: SignInState = { state: 'idle' };

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  handlers(): MethodGroup<'linkedin.startSignIn' | 'linkedin.signInState'> {
    return {
      'linkedin.startSignIn': () => this.start(),
      'linkedin.signInState': () => Promise.resolve(this.#state),
    };
  }

  async start(): Promise<SignInStart> {
    const settings = await this.#ctx.settings();
    const clientId = settings.linkedin.clientId?.trim();
    if (!clientId) {
      throw new SettingsInvalidError([{ path: 'linkedin.clientId', message: 'needed to sign in: the Client ID of your LinkedIn app' }], {
        subject: 'The LinkedIn Client ID',
        hint: 'copy it from the LinkedIn developer portal (Auth tab) into Settings › LinkedIn',
      });
    }
    const clientSecret = (await this.#ctx.deps.secrets.get('linkedin.clientSecret'))?.trim() || null;
    this.cancel();
    let flow: SignInFlow;
    try {
      flow = await startSignIn({
        oauthBaseUrl: settings.linkedin.oauthBaseUrl,
        clientId,
        clientSecret,
        redirectPort: settings.linkedin.oauthRedirectPort,
        usePkce: clientSecret === null,
        scope: LINKEDIN_SCOPE,
        language: settings.language,
      });
    } catch (error) {
      // e.g. the redirect port is taken: the answer says why, and so does signInState.
      const appError = toAppError(error);
      this.#state = { state: 'failed', code: appError.code, message: appError.oneLine() };
      throw appError;
    }
    this.#flow = flow;
    this.#state = { state: 'waiting', authorizationUrl: flow.authorizationUrl };
    void this.#finish(flow);
    await this.#open(flow.authorizationUrl);
    return { authorizationUrl: flow.authorizationUrl };
  }

  cancel(): void {
    const flow = this.#flow;
    if (!flow) return;
    this.#flow = null;
    this.#state = { state: 'idle' };
    flow.cancel();
  }

  async #finish(flow: SignInFlow): Promise<void> {
    try {
      const tokens = await flow.result;
      const { expiresAt } = await saveTokenSet(tokens, { secrets: this.#ctx.deps.secrets, state: this.#ctx.state, now: this.#ctx.deps.now() });
      if (this.#flow !== flow) return;
      this.#state = { state: 'done', expiresAt };
      this.#ctx.deps.logger.info('linkedin.signed-in', { expiresAt });
    } catch (error) {
      if (this.#flow !== flow) return; // replaced by a newer sign-in: its state is the one that counts
      const appError = toAppError(error);
      this.#state = { state: 'failed', code: appError.code, message: appError.oneLine() };
      this.#ctx.deps.logger.warn('linkedin.sign-in-failed', { code: appError.code, message: appError.message });
    } finally {
      if (this.#flow === flow) this.#flow = null;
    }
  }

  async #open(url: string): Promise<void> {
    const open = this.#ctx.deps.openExternal;
    if (!open) return; // the browser page opens it itself
    try {
      await open(url);
    } catch (error) {
      // The UI also shows the link, so a browser that did not open is not a failure.
      this.#ctx.deps.logger.warn('linkedin.open-browser-failed', { message: toAppError(error).message });
    }
  }
}
