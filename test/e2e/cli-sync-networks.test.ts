import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/shared/insights';
import type { RunRecord } from '../../src/shared/run-record';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';
import { cliEnv, readTree, runCliProcess, tempHome } from '../support/cli-harness';
import { defaultFollows, defaultUnfollows, type FakeGraph, startFakeGraph } from '../fakes/fake-graph';
import { type FakeX, startFakeX } from '../fakes/fake-x';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

/*
 * One LinkedIn page, one Facebook Page, one Instagram account and one X handle synced by the
 * built CLI into one lake, each network against its own fake on 127.0.0.1.
 */

const NOW = '2026-11-28T10:00:00Z';
const LATER_SAME_DAY = '2026-11-28T18:00:00Z';
const ORG = '2414183';
const PAGE = '104173652001234';
const IG = '17841400008460056';
const HANDLE = 'AcmeBrasil';
const LINKEDIN_TOKEN = 'li-token-secret';
const GRAPH_TOKEN = 'EAAGgraph-token-secret';
const IG_TOKEN = GRAPH_TOKEN;
const X_TOKEN = 'AAAAbearer-token-secret';

let linkedin: FakeLinkedIn;
let graph: FakeGraph;
let x: FakeX;
let smtp: TestSmtpServer;
let home: string;

beforeAll(async () => {
  smtp = await startSmtpServer({ user: 'alerts@acme.example', password: 'smtp-pass' });
});
afterAll(async () => smtp.stop());

beforeEach(async () => {
  linkedin = await startFakeLinkedIn({ now: new Date(NOW), token: LINKEDIN_TOKEN });
  linkedin.addOrganization(ORG, { name: 'Acme Ltda', followers: 12_345 });
  graph = await startFakeGraph({ token: GRAPH_TOKEN, now: new Date(NOW) });
  graph.addPage(PAGE, { name: 'Acme Brasil', followers: 48_210 });
  graph.addInstagramUser(IG, { username: 'acme.br', followers: 1_500, newFollowers: (day) => (day === '2026-11-20' ? null : 4) });
  x = await startFakeX({ token: X_TOKEN });
  x.addUser(HANDLE, { id: '99', name: 'Acme no X', followers: 9_876 });
  home = await tempHome('fp-networks-');
  await writeFile(join(home, 'smtp-ca.pem'), smtp.cert);
  await writeFile(
    join(home, 'settings.json'),
    JSON.stringify({
      version: 1,
      language: 'en',
      accounts: [
        { network: 'linkedin', id: ORG, name: 'Acme Ltda', enabled: true },
        { network: 'facebook', id: PAGE, name: 'Acme Brasil', enabled: true },
        { network: 'instagram', id: IG, name: 'acme.br', enabled: true },
        { network: 'x', id: HANDLE, name: 'Acme no X', enabled: true },
      ],
      facebook: { apiBaseUrl: graph.url },
      instagram: { apiBaseUrl: graph.url },
      x: { apiBaseUrl: x.apiBaseUrl },
      alerts: { smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'alerts@acme.example', from: 'alerts@acme.example', to: ['marketing@acme.example'] } },
    }),
  );
});
afterEach(async () => {
  await Promise.all([linkedin.close(), graph.close(), x.close()]);
});

function env(now: string, facebookToken = GRAPH_TOKEN): NodeJS.ProcessEnv {
  return cliEnv({
    home,
    apiBaseUrl: linkedin.apiBaseUrl,
    token: LINKEDIN_TOKEN,
    now,
    extra: {
      FOLLOWER_PULSE_SECRET_FACEBOOK_PAGE_TOKEN: facebookToken,
      FOLLOWER_PULSE_SECRET_INSTAGRAM_ACCESS_TOKEN: IG_TOKEN,
      FOLLOWER_PULSE_SECRET_X_BEARER_TOKEN: X_TOKEN,
      FOLLOWER_PULSE_SECRET_SMTP_PASSWORD: 'smtp-pass',
      NODE_EXTRA_CA_CERTS: join(home, 'smtp-ca.pem'),
    },
  });
}

async function lakeFile(table: string, month: string, network: string, id: string): Promise<string[]> {
  const path = join(home, 'lake', table, `month=${month}`, `${network}-${id}-api.csv`);
  if (!existsSync(path)) return [];
  return (await readFile(path, 'utf8')).split('\n').filter(Boolean).slice(1);
}

describe('follower-pulse sync across LinkedIn, Facebook, Instagram and X (built CLI, fake APIs)', () => {
  it('lands every network; Facebook backfills two years in 90-day requests; X reads once per UTC day', async () => {
    const r = await runCliProcess(['sync', '--json'], env(NOW));
    expect(r.stderr).not.toContain('Error');
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.status).toBe('success');
    expect(r.code).toBe(0);
    expect(record.accounts.map((a) => [a.network, a.error])).toEqual([
      ['linkedin', null],
      ['facebook', null],
      ['instagram', null],
      ['x', null],
    ]);

    const fbInsights = graph.requests.filter((q) => q.path === `/v27.0/${PAGE}/insights`);
    expect(fbInsights).toHaveLength(9);
    expect(record.accounts[1]).toMatchObject({ daysWritten: 729, missingDays: [] });
    const fbNov = await lakeFile('follower_gains', '2026-11', 'facebook', PAGE);
    const organic = defaultFollows(PAGE, '2026-11-26') - defaultUnfollows(PAGE, '2026-11-26');
    expect(fbNov).toContain(`2026-11-26,facebook,${PAGE},${organic},,${organic},api,${record.startedAt}`);
    expect(await lakeFile('follower_totals', '2026-11', 'facebook', PAGE)).toEqual([`2026-11-28,facebook,${PAGE},48210,api,${record.startedAt}`]);

    // Instagram: 30 days at most, a day without data stays missing (not zero).
    expect(record.accounts[2].missingDays).toEqual(['2026-11-20']);
    const igNov = await lakeFile('follower_gains', '2026-11', 'instagram', IG);
    expect(igNov.some((line) => line.startsWith('2026-11-20,'))).toBe(false);
    expect(igNov).toContain(`2026-11-26,instagram,${IG},4,,4,api,${record.startedAt}`);
    expect(await lakeFile('follower_totals', '2026-11', 'instagram', IG)).toEqual([`2026-11-28,instagram,${IG},1500,api,${record.startedAt}`]);

    // X: the total only, one billed read.
    expect(x.requests).toHaveLength(1);
    expect(await lakeFile('follower_totals', '2026-11', 'x', HANDLE)).toEqual([`2026-11-28,x,${HANDLE},9876,api,${record.startedAt}`]);
    expect(existsSync(join(home, 'lake', 'follower_gains', 'month=2026-11', `x-${HANDLE}-api.csv`))).toBe(false);
    const accountsCsv = await readFile(join(home, 'lake', 'accounts', 'accounts.csv'), 'utf8');
    expect(accountsCsv).toContain(`https://x.com/${HANDLE}`);
    // Instagram's profile is at its username, not its numeric id.
    expect(accountsCsv).toContain('https://www.instagram.com/acme.br/');
    expect(accountsCsv).not.toContain(`instagram.com/${IG}`);

    const again = await runCliProcess(['sync', '--json'], env(LATER_SAME_DAY));
    const second = JSON.parse(again.stdout) as RunRecord;
    expect(second.accounts.find((a) => a.network === 'x')).toMatchObject({ error: null });
    expect(x.requests).toHaveLength(1);
    expect(again.code).toBe(0);

    for (const [file, content] of await readTree(home)) {
      for (const secret of [GRAPH_TOKEN, X_TOKEN, LINKEDIN_TOKEN]) expect(content.includes(secret), file).toBe(false);
    }
  });

  it('an expired Facebook token fails Facebook alone: the others land, status partial, exit 1, the e-mail names Facebook', async () => {
    const mailsBefore = smtp.messages.length;
    const r = await runCliProcess(['sync', '--json'], env(NOW, 'EAAGexpired-token'));
    expect(r.code).toBe(1);
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.status).toBe('partial');
    const facebook = record.accounts.find((a) => a.network === 'facebook');
    expect(facebook?.error?.code).toBe('FACEBOOK_TOKEN_EXPIRED');
    expect(facebook?.error?.message).toContain('Facebook');
    expect(facebook?.error?.message).not.toContain('EAAGexpired-token');
    expect(record.accounts.filter((a) => a.network !== 'facebook').every((a) => a.error === null)).toBe(true);

    expect((await lakeFile('follower_gains', '2026-11', 'linkedin', ORG)).length).toBeGreaterThan(20);
    expect((await lakeFile('follower_gains', '2026-11', 'instagram', IG)).length).toBeGreaterThan(20);
    expect(await lakeFile('follower_totals', '2026-11', 'x', HANDLE)).toHaveLength(1);
    expect(await lakeFile('follower_totals', '2026-11', 'facebook', PAGE)).toEqual([]);
    expect(r.stderr).toContain('Facebook');

    expect(smtp.messages.length).toBe(mailsBefore + 1);
    const mail = smtp.messages.at(-1)!;
    expect(`${mail.subject ?? ''}\n${mail.text ?? ''}`).toContain('Facebook');
    expect(smtp.raw.at(-1)).not.toContain('EAAGexpired-token');

    // The same day again: X makes no second request, Facebook still fails alone.
    const again = await runCliProcess(['sync', '--json'], env(LATER_SAME_DAY, 'EAAGexpired-token'));
    expect(again.code).toBe(1);
    expect((JSON.parse(again.stdout) as RunRecord).status).toBe('partial');
    expect(x.requests).toHaveLength(1);
  });

  it('report --json compares the networks: per-network lines, days and buckets from the same lake', async () => {
    expect((await runCliProcess(['sync', '--json'], env(NOW))).code).toBe(0);
    const r = await runCliProcess(['report', '--json', '--from', '2026-11-20', '--to', '2026-11-28', '--granularity', 'week'], env(NOW));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ReportDocument;
    // Facebook: gains 11-20 … 11-26 (lag 2 days), counted 48,210 on 11-28.
    let facebookNet = 0;
    for (let d = 20; d <= 26; d++) facebookNet += defaultFollows(PAGE, `2026-11-${d}`) - defaultUnfollows(PAGE, `2026-11-${d}`);
    const line = (network: string) => doc.networks?.find((n) => n.network === network);
    expect(doc.networks?.map((n) => n.network)).toEqual(['linkedin', 'facebook', 'instagram', 'x']);
    expect(line('facebook')).toMatchObject({ followersStart: 48_210 - facebookNet, followersEnd: 48_210, netGain: facebookNet, netGainFrom: 'gains', share: 0.67 }); // 48,210 / 71,931
    // Instagram: 4 a day 11-21 … 11-26 (11-20 not available), counted 1,500 on 11-28: 24 / 1,476 = 1.6 %.
    expect(line('instagram')).toMatchObject({ followersStart: 1_476, followersEnd: 1_500, netGain: 24, growthPct: 1.6, share: 0.021 });
    // X: one count, on 11-28, inside the period: measured from it, so no change yet.
    expect(line('x')).toMatchObject({ followersStart: 9_876, followersEnd: 9_876, netGain: 0, netGainFrom: 'counts', startDay: '2026-11-28', share: 0.137 });
    expect(line('linkedin')).toMatchObject({ followersEnd: 12_345, share: 0.172 });
    // The days: a network's gains add up to its line, an unavailable day is a gap, not a zero.
    const days = doc.networkDaily ?? [];
    expect(days).toHaveLength(4 * 9);
    for (const network of ['linkedin', 'facebook', 'instagram']) {
      expect(days.filter((d) => d.network === network).reduce((sum, d) => sum + d.gain, 0)).toBe(line(network)?.netGain);
    }
    expect(days.find((d) => d.network === 'instagram' && d.day === '2026-11-20')).toMatchObject({ followers: null, hasData: false, gain: 0 });
    expect(days.filter((d) => d.network === 'x' && d.followers !== null).map((d) => d.day)).toEqual(['2026-11-28']);
    // The buckets: ISO weeks of Monday 11-16 (11-20 … 11-22 inside the period: 21 and 22 have
    // data) and Monday 11-23 (23 … 26 have data).
    const buckets = (doc.networkSeries ?? []).filter((b) => b.network === 'instagram');
    expect(buckets).toEqual([
      { network: 'instagram', bucket: '2026-11-16', total: 8, daysWithData: 2 },
      { network: 'instagram', bucket: '2026-11-23', total: 16, daysWithData: 4 },
    ]);
  });

  it('accounts add facebook|instagram|x ID resolves each name through its own API', async () => {
    await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, facebook: { apiBaseUrl: graph.url }, instagram: { apiBaseUrl: graph.url }, x: { apiBaseUrl: x.apiBaseUrl } }));
    const fb = await runCliProcess(['accounts', 'add', 'facebook', PAGE], env(NOW));
    expect(fb.stdout).toContain(`Added Acme Brasil (Facebook ${PAGE})`);
    const ig = await runCliProcess(['accounts', 'add', 'instagram', IG], env(NOW));
    expect(ig.stdout).toContain(`Added acme.br (Instagram ${IG})`);
    const handle = await runCliProcess(['accounts', 'add', 'x', `@${HANDLE}`], env(NOW));
    expect(handle.stdout).toContain(`Added Acme no X (X ${HANDLE})`);
    const bad = await runCliProcess(['accounts', 'add', 'x', 'not a handle!'], env(NOW));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not an X handle');
    const settings = JSON.parse(await readFile(join(home, 'settings.json'), 'utf8')) as { accounts: { network: string; id: string }[] };
    expect(settings.accounts.map((a) => `${a.network}:${a.id}`)).toEqual([`facebook:${PAGE}`, `instagram:${IG}`, `x:${HANDLE}`]);
  });

  it('a Facebook metric Meta removed degrades to snapshots only: totals land, a warning, no failure', async () => {
    graph.removeMetric('page_daily_follows_unique');
    const r = await runCliProcess(['sync', '--json'], env(NOW));
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.status).toBe('success');
    expect(r.code).toBe(0);
    expect(record.accounts.find((a) => a.network === 'facebook')).toMatchObject({ error: null, daysWritten: 0, missingDays: [] });
    expect(record.warnings.map((w) => w.code)).toContain('FACEBOOK_METRIC_UNAVAILABLE');
    expect(await lakeFile('follower_totals', '2026-11', 'facebook', PAGE)).toEqual([`2026-11-28,facebook,${PAGE},48210,api,${record.startedAt}`]);
    expect(await lakeFile('follower_gains', '2026-11', 'facebook', PAGE)).toEqual([]);
    expect(r.stderr).toContain('Facebook');
  });
});
