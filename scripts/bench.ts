// `npm run bench`: how cheap the daily job is, against the fake LinkedIn API on 127.0.0.1 with
// a realistic per-request latency. Prints figures and ratios; never fails a build.
//   npm run bench:sync -- [--latency MS] [--runs N] [--pages N] [--concurrency N]
// (`npm run bench` runs this and then the dashboard's benchmark, scripts/bench-insights.ts.)
import { parseArgs } from 'node:util';
import { addDays, dayRange } from '../src/main/engine/dates';
import { LinkedInClient } from '../src/main/engine/sources/linkedin/linkedin-client';
import { startFakeLinkedIn, type FakeLinkedIn } from '../test/fakes/fake-linkedin';
import { setup as ensureBuilt } from '../test/support/global-setup';
import { BENCH_NOW as NOW, BENCH_TOKEN as TOKEN, homeWithPages, runCli, type ProcessRun } from './bench/cli-process';
import { csvCodecFigures, printCodecFigures } from './bench/csv-codec';
import { manyPagesFigures, poolInThisBuild, printFigures } from './bench/many-pages';

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '100' },
    runs: { type: 'string', default: '5' },
    pages: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
  },
});
const LATENCY = Number(values.latency);
const RUNS = Number(values.runs);
const PAGES = Number(values.pages);
const CONCURRENCY = Number(values.concurrency);

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

// 6. Many pages (issue 8 item 3), with and without S3.
const pool = poolInThisBuild() ? `sync.concurrency ${CONCURRENCY}` : `sync.concurrency ${CONCURRENCY} written, but this build has no account pool yet (3 pages at a time)`;
console.log(`Running the ${PAGES}-page scenario (${pool})…`);
const many = await manyPagesFigures({ fake, pages: PAGES, concurrency: CONCURRENCY, runs: RUNS, firstPageId: 5_000_000 });

await fake.close();
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
console.log(`\nexit codes: backfill ${backfill.code}, 10 pages ${ten.code}, up-to-date ${upToDate.map((r) => r.code).join('/')}, one-day ${oneDay.code}`);
console.log(verdicts.length === 0 ? 'All targets met.' : verdicts.join('\n'));
console.log(`\n${PAGES} pages, ${LATENCY} ms per request, ${pool}:\n`);
printFigures(many);
const missed = many.filter((f) => f.met === false).map((f) => `MISSED: ${f.what} (${f.value}, target ${f.target})`);
console.log(missed.length === 0 ? `\nAll ${PAGES}-page targets met.` : `\n${missed.join('\n')}`);

// 7. The lake's own CSV codec against csv-parse / csv-stringify on the lake's files (issue 8
// item 6 keeps the hand-written one only if the libraries are slower here).
console.log('');
printCodecFigures(csvCodecFigures());
