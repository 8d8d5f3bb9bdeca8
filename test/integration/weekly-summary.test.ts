import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH, drawFollowersChart } from '../../src/main/engine/alerts/weekly-chart';
import { isWeeklySummaryDue } from '../../src/main/engine/alerts/weekly-summary';
import { goalAlertsAfterSync } from '../../src/main/engine/app/insights-goal-alerts';
import { addGoal } from '../../src/main/engine/app/insights-goals';
import { lakeFactsCachePath } from '../../src/main/engine/derived/derived-paths';
import { LakeFactsStore } from '../../src/main/engine/derived/lake-facts-store';
import { nullLogger } from '../../src/main/engine/log/logger';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import { writeSampleLake } from '../support/sample-lake';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

describe('weekly summary', () => {
  it('is due once a week', () => {
    expect(isWeeklySummaryDue(null, '2026-11-30')).toBe(true);
    expect(isWeeklySummaryDue('2026-11-24', '2026-11-30')).toBe(false);
    expect(isWeeklySummaryDue('2026-11-23', '2026-11-30')).toBe(true);
  });

  it('draws the followers line and leaves gaps unbridged', () => {
    const png = PNG.sync.read(drawFollowersChart([100, 110, null, 130, 140]));
    expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    const blue = (x: number): boolean => {
      for (let y = 0; y < png.height; y++) {
        const i = (png.width * y + x) << 2;
        if (png.data[i] === 37 && png.data[i + 1] === 99 && png.data[i + 2] === 235) return true;
      }
      return false;
    };
    expect(blue(80)).toBe(true); // between the first two points
    expect(blue(CHART_WIDTH / 2)).toBe(false); // around the missing value
    expect(blue(560)).toBe(true);
  });
});

describe('the daily sync sends the weekly summary and goal alerts', () => {
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
    home = await mkdtemp(join(tmpdir(), 'fp-weekly-'));
    await writeSampleLake(join(home, 'lake'));
    settings = defaultSettings();
    settings.language = 'pt-BR';
    settings.alerts.weeklySummary = true;
    settings.alerts.smtp = { host: server.host, port: server.port, secure: false, user: 'fp', from: 'pulse@example.com', to: ['team@example.com'] };
    server.messages.length = 0;
    return () => rm(home, { recursive: true, force: true });
  });

  it('one summary with the chart inline, in the settings language, then nothing for a week', async () => {
    const lakeDir = join(home, 'lake');
    const store = new LakeFactsStore(lakeDir, lakeFactsCachePath(home));
    await addGoal({ settings, facts: () => store.facts(), home, lakeDir, now: () => new Date() }, { target: 1_000_000, by: '2026-12-31', name: 'Um milhão' });
    const run = (now: string) => goalAlertsAfterSync({ home, lakeDir, settings, secrets: new MemorySecretStore({ 'smtp.password': 'pw' }), logger: nullLogger, now: () => new Date(now), transportOptions: { tls: { ca: server.cert } } });
    const first = await run('2026-11-28T07:00:00Z');
    expect(first).toEqual([{ kind: 'goal', sent: true }, { kind: 'weekly-summary', sent: true }]);
    expect(server.messages.map((m) => m.subject)).toContain('Follower Pulse: uma meta de seguidores precisa de atenção');
    const summary = server.messages.find((m) => m.subject?.startsWith('Follower Pulse: sua semana'));
    expect(summary?.subject).toBe('Follower Pulse: sua semana, de 19/11/2026 a 25/11/2026');
    expect(summary?.text).toContain('Seguidores: 5.130');
    expect(summary?.text).toContain('Um milhão: 5.130 / 1.000.000 — atrasada');
    const chart = summary?.attachments.find((a) => a.contentType === 'image/png');
    expect(chart?.cid).toBe('followers-chart@follower-pulse');
    // mailparser inlines cid images as data: URLs; the wire text shows the reference itself
    const raw = server.raw[server.messages.indexOf(summary!)];
    expect(raw).toContain('Content-ID: <followers-chart@follower-pulse>');
    expect(summary?.html).toContain('<img src="data:image/png;base64,');
    expect(PNG.sync.read(chart!.content).width).toBe(CHART_WIDTH);
    expect(await run('2026-11-29T07:00:00Z')).toEqual([]);
    expect(await run('2026-12-05T07:00:00Z')).toEqual([{ kind: 'weekly-summary', sent: true }]);
  });
});
