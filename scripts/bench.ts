// `npm run bench`: how cheap the daily job is, against the fake LinkedIn API on 127.0.0.1 with
// a realistic per-request latency. Prints figures and ratios; never fails a build.
//   npm run bench -- [--latency MS] [--runs N]
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addDays, dayRange } from '../src/main/engine/dates';
import { LinkedInClient } from '../src/main/engine/sources/linkedin/linkedin-client';
import { startFakeLinkedIn, type FakeLinkedIn } from '../test/fakes/fake-linkedin';
import { BUILT_CLI, setup as ensureBuilt } from '../test/support/global-setup';

const { values } = parseArgs({ options: { latency: { type: 'string', default: '100' }, runs: { type: 'string', default: '5' } } });
const LATENCY = Number(values.latency);
const RUNS = Number(values.runs);
const NOW = '2026-11-28T10:00:00Z';
const TOKEN = 'bench-token';
const RSS_HOOK = fileURLToPath(new URL('../test/support/report-rss.mjs', import.meta.url));

interface ProcessRun {
  ms: number;
  code: number | null;
  rssKiB: number;
}

async function runCli(home: string, apiBaseUrl: string, args: string[]): Promise<ProcessRun> {
  const rssFile = join(home, `.rss-${Date.now()}-${Math.random()}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', RSS_HOOK, BUILT_CLI, ...args], {
    env: { PATH: process.env.PATH, HOME: home, FOLLOWER_PULSE_HOME: home, FOLLOWER_PULSE_NOW: NOW, FOLLOWER_PULSE_LINKEDIN_API_URL: apiBaseUrl, FOLLOWER_PULSE_SECRET_LINKEDIN_ACCESS_TOKEN: TOKEN, FP_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) console.error(`  (follower-pulse ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').at(-1)})`);
  const ms = performance.now() - started;
  return { ms, code, rssKiB: Number(await readFile(rssFile, 'utf8').catch(() => '0')) };
}

async function homeWithPages(ids: string[]): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'fp-bench-'));
  await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, accounts: ids.map((id, i) => ({ network: 'linkedin', id, name: `Page ${i + 1}` })) }));
  return home;
}

function counts(fake: FakeLinkedIn, from: number): { stats: number; all: number } {
  const slice = fake.requests.slice(from);
  return { stats: slice.filter((r) => r.path.endsWith('/organizationalEntityFollowerStatistics')).length, all: slice.length };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const rows: string[][] = [];
const verdicts: string[] = [];
function row(...cells: string[]): void {
  rows.push(cells);
}
function target(ok: boolean, what: string): string {
  if (!ok) verdicts.push(`MISSED: ${what}`);
  return ok ? 'met' : 'MISSED';
}

ensureBuilt();
const ids = Array.from({ length: 10 }, (_, i) => String(2414183 + i));
const fake = await startFakeLinkedIn({ now: new Date(NOW), token: TOKEN, latencyMs: LATENCY });
for (const id of ids) fake.addOrganization(id, { name: `Page ${id}`, followers: 10_000 });
console.log(`Follower Pulse benchmark — fake LinkedIn API on 127.0.0.1, ${LATENCY} ms per request, ${RUNS} runs where repeated, Node ${process.version}\n`);

// 1. A 12-month first backfill of one page, our way (the built CLI, a real process).
let mark = fake.requests.length;
const oneHome = await homeWithPages([ids[0]]);
const backfill = await runCli(oneHome, fake.apiBaseUrl, ['sync']);
const ours = counts(fake, mark);

// …and the prototype's way, one request per day, next to ours, with the same client in the
// same process, so the ratio compares fetching and not Node's start-up.
const client = new LinkedInClient({ apiBaseUrl: fake.apiBaseUrl, apiVersion: '202607', getAccessToken: () => Promise.resolve(TOKEN) });
const days = dayRange(addDays('2026-11-28', -365), addDays('2026-11-28', -3));
mark = fake.requests.length;
const yearStart = performance.now();
await client.fetchFollowerGains(ids[0], days[0], days[days.length - 1]);
const yearMs = performance.now() - yearStart;
mark = fake.requests.length;
const perDayStart = performance.now();
for (const day of days) await client.fetchFollowerGains(ids[0], day, day);
const perDayMs = performance.now() - perDayStart;
const perDay = counts(fake, mark);
const speedup = perDayMs / yearMs;
row('12-month backfill, 1 page (CLI process)', `${ours.stats} stats / ${ours.all} requests`, s(backfill.ms), 'cold Node start included', '', target(ours.all <= 3, '≤ 3 requests per page'));
row('a year of gains, same client', '1 request', s(yearMs), `one-per-day: ${perDay.stats} requests, ${s(perDayMs)}`, `${speedup.toFixed(0)}× faster`, target(speedup >= 50, '≥ 50× less wall time than one-per-day'));

// 2. Ten pages.
mark = fake.requests.length;
const tenHome = await homeWithPages(ids);
const ten = await runCli(tenHome, fake.apiBaseUrl, ['sync']);
const tenCounts = counts(fake, mark);
row('12-month backfill, 10 pages', `${tenCounts.stats} stats / ${tenCounts.all} requests`, s(ten.ms), `${(tenCounts.all / 10).toFixed(1)} requests per page`, `${(ten.ms / backfill.ms).toFixed(1)}× the 1-page time`, target(tenCounts.all <= 30, '≤ 3 requests per page'));

// 3. An up-to-date sync of one page, cold Node start included.
const upToDate: ProcessRun[] = [];
for (let i = 0; i < RUNS; i++) upToDate.push(await runCli(oneHome, fake.apiBaseUrl, ['sync']));
const times = upToDate.map((r) => r.ms);
const med = median(times);
row('up-to-date sync, 1 page', `${RUNS} runs`, `median ${s(med)}`, `spread ${s(Math.min(...times))} – ${s(Math.max(...times))}`, `${LATENCY} ms of it per LinkedIn round trip`, target(med <= 1000, 'up-to-date sync ≤ 1 s'));

// 4. A one-day re-fetch.
mark = fake.requests.length;
const oneDay = await runCli(oneHome, fake.apiBaseUrl, ['sync', '--from', '2026-06-15', '--to', '2026-06-15']);
const oneDayCounts = counts(fake, mark);
row('one-day --from D --to D', `${oneDayCounts.all} request${oneDayCounts.all === 1 ? '' : 's'}`, s(oneDay.ms), '', '', target(oneDay.code === 0, 'one-day re-fetch succeeds'));

// 5. Peak memory of the sync process.
const peak = Math.max(backfill.rssKiB, ten.rssKiB, ...upToDate.map((r) => r.rssKiB));
row('peak RSS of sync', '', `${(peak / 1024).toFixed(0)} MB`, `(1-page backfill ${(backfill.rssKiB / 1024).toFixed(0)} MB, 10 pages ${(ten.rssKiB / 1024).toFixed(0)} MB)`, '', target(peak < 150 * 1024, 'peak RSS under 150 MB'));

await fake.close();
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
console.log(`\nexit codes: backfill ${backfill.code}, 10 pages ${ten.code}, up-to-date ${upToDate.map((r) => r.code).join('/')}, one-day ${oneDay.code}`);
console.log(verdicts.length === 0 ? 'All targets met.' : verdicts.join('\n'));
