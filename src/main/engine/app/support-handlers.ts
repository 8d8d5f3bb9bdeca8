import type { AppContext } from './app-context';
import type { MethodGroup } from './method-table';

/** doctor.run and alerts.sendTest; both load their modules (AWS SDK, mail) only when used. */
export function createSupportHandlers(ctx: AppContext): MethodGroup<'doctor.run' | 'alerts.sendTest'> {
  return {
    // The same checks as `follower-pulse doctor`, minus the test mail (alerts.sendTest sends that).
    'doctor.run': async () => {
      const { runDoctor } = await import('../doctor/run-doctor');
      return runDoctor({ home: ctx.deps.home, env: { ...ctx.deps.env }, secrets: ctx.deps.secrets, now: ctx.deps.now() });
    },
    'alerts.sendTest': async () => {
      const settings = await ctx.settings();
      const { sendTestEmail } = await import('../alerts/alert-sender');
      await sendTestEmail(settings, ctx.deps.secrets, undefined, { now: ctx.deps.now });
      return { sentTo: [...settings.alerts.smtp.to] };
    },
  };
}
