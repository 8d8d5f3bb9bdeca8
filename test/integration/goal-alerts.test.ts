import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeGoalAlert, decideGoalAlerts, sendGoalAlerts } from '../../src/main/engine/alerts/goal-alerts';
import { nullLogger } from '../../src/main/engine/log/logger';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import type { GoalStatus, GoalView } from '../../src/shared/insights';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

function goal(id: string, status: GoalStatus): GoalView {
  return { id, name: `Goal ${id}`, network: null, accountId: null, target: 10_000, by: '2027-06-30', asOf: '2026-11-25', current: 8_000, remaining: 2_000, daysLeft: 217, neededPerDay: 9.22, pacePerDay: 6.5, projectedDate: '2027-09-01', status };
}

describe('goal alert decisions', () => {
  it('mails once per goal per status change into at-risk or behind', () => {
    expect(decideGoalAlerts([goal('a', 'on-track')], []).due).toEqual([]);
    expect(decideGoalAlerts([goal('a', 'at-risk')], []).due.map((g) => g.id)).toEqual(['a']);
    expect(decideGoalAlerts([goal('a', 'at-risk')], [{ id: 'a', status: 'at-risk' }]).due).toEqual([]);
    expect(decideGoalAlerts([goal('a', 'behind')], [{ id: 'a', status: 'at-risk' }]).due.map((g) => g.status)).toEqual(['behind']);
    // recovered, then slipped again: a new change, a new mail
    const recovered = decideGoalAlerts([goal('a', 'on-track')], [{ id: 'a', status: 'behind' }]);
    expect(recovered).toEqual({ due: [], next: [{ id: 'a', status: 'on-track' }] });
    expect(decideGoalAlerts([goal('a', 'behind')], recovered.next).due).toHaveLength(1);
  });

  it('speaks the settings language', () => {
    expect(composeGoalAlert([goal('a', 'at-risk')], 'pt-BR').text).toContain('Goal a: em risco. 8.000 de 10.000 seguidores');
    expect(composeGoalAlert([goal('a', 'behind'), goal('b', 'behind')], 'en').subject).toBe('Follower Pulse: 2 follower goals need attention');
  });
});

describe('sendGoalAlerts over SMTP', () => {
  let server: TestSmtpServer;
  let home: string;
  let settings: Settings;
  beforeAll(async () => {
    server = await startSmtpServer({ user: 'fp', password: 'pw' });
  });
  afterAll(async () => {
    await server.stop();
  });
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'fp-goal-alerts-'));
    settings = defaultSettings();
    settings.language = 'en';
    settings.alerts.smtp = { host: server.host, port: server.port, secure: false, user: 'fp', from: 'pulse@example.com', to: ['team@example.com'] };
    server.messages.length = 0;
    return () => rm(home, { recursive: true, force: true });
  });

  const send = (goals: GoalView[], s = settings) =>
    sendGoalAlerts({ home, settings: s, secrets: new MemorySecretStore({ 'smtp.password': 'pw' }), logger: nullLogger, goals: () => Promise.resolve(goals), transportOptions: { tls: { ca: server.cert } } });

  it('sends one mail for the goals that turned, and not again for the same status', async () => {
    expect(await send([goal('a', 'at-risk'), goal('b', 'on-track')])).toEqual([{ kind: 'goal', sent: true }]);
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0].subject).toBe('Follower Pulse: a follower goal needs attention');
    expect(server.messages[0].text).toContain('Goal a: at risk.');
    expect(server.messages[0].text).not.toContain('Goal b');
    expect(await send([goal('a', 'at-risk'), goal('b', 'on-track')])).toEqual([]);
    expect(server.messages).toHaveLength(1);
    expect(JSON.parse(await readFile(join(home, 'goal-alerts.json'), 'utf8'))).toEqual({ version: 1, goals: [{ id: 'a', status: 'at-risk' }, { id: 'b', status: 'on-track' }] });
  });

  it('records nothing when the mail cannot go out, so the next run tries again; off means off', async () => {
    const down = { ...settings, alerts: { ...settings.alerts, smtp: { ...settings.alerts.smtp, port: 1 } } };
    const [failed] = await send([goal('a', 'behind')], down);
    expect(failed).toMatchObject({ kind: 'goal', sent: false, error: { code: 'SMTP_FAILED' } });
    await expect(readFile(join(home, 'goal-alerts.json'), 'utf8')).rejects.toThrow();
    const off = { ...settings, alerts: { ...settings.alerts, onGoalStatus: false } };
    expect(await send([goal('a', 'behind')], off)).toEqual([]);
    expect(server.messages).toHaveLength(0);
  });
});
