import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { ACME, SECOND_PAGE } from './support/fake-linkedin-setup';
import type { ApiClient } from './support/api-client';
import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';

// Days LinkedIn "does not return" inside the default 30-day period: gaps on the charts.
const GAPS = ['2026-11-10', '2026-11-11', '2026-11-20'];
test.use({ missingDays: GAPS });

/** What the lake says for the 30 days ending on its newest day, straight from SQL. */
async function expectedFromLake(api: ApiClient): Promise<{ to: string; net: number; organic: number; paid: number; followers: number; best: number; worst: number; days: number }> {
  const newest = await api.value('data.query', { sql: 'SELECT CAST(max(day) AS VARCHAR) AS d FROM follower_gains', engine: 'local' });
  const to = String(newest.rows[0].d);
  const sums = await api.value('data.query', {
    sql: `SELECT sum(total_gain) AS net, sum(organic_gain) AS organic, sum(paid_gain) AS paid, max(total_gain) AS best, min(total_gain) AS worst, count(*) AS days
          FROM follower_gains WHERE day > DATE '${to}' - INTERVAL 30 DAY AND day <= DATE '${to}'`,
    engine: 'local',
  });
  // The total on `to`: the newest snapshot, less the gains recorded after `to` up to it (reconstruction, contract §8).
  const totals = await api.value('data.query', {
    sql: `WITH s AS (SELECT day, followers FROM follower_totals ORDER BY day DESC LIMIT 1)
          SELECT s.followers - coalesce((SELECT sum(total_gain) FROM follower_gains g WHERE g.day > DATE '${to}' AND g.day <= s.day), 0) AS followers FROM s`,
    engine: 'local',
  });
  const r = sums.rows[0];
  return { to, net: Number(r.net), organic: Number(r.organic), paid: Number(r.paid), best: Number(r.best), worst: Number(r.worst), days: Number(r.days), followers: Number(totals.rows[0]?.followers) };
}

async function readDownload(download: Download): Promise<Record<string, string>[]> {
  const path = await download.path();
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return parse<Record<string, string>>(text, { columns: true });
}

const pt = (n: number, signed = false): string => new Intl.NumberFormat('pt-BR', signed ? { signDisplay: 'exceptZero' } : {}).format(n);

async function setTheme(page: Page, name: 'Claro' | 'Escuro' | 'Light' | 'Dark'): Promise<void> {
  await page.getByRole('radiogroup', { name: /Tema|Theme/ }).getByText(name, { exact: true }).click();
}

test('the dashboard is the home view and its headline numbers match the lake, on the page and in the CSV export', async ({ page, api }) => {
  const lake = await expectedFromLake(api);
  expect(lake.days).toBe(30 - GAPS.length);
  await expect(page.getByRole('heading', { name: 'Painel', level: 1 })).toBeVisible();
  const headline = page.getByTestId('headline');
  await expect(headline.getByTestId('followers-now')).toHaveText(pt(lake.followers));
  await expect(headline.getByTestId('followers-now')).toHaveText('12.480');
  await expect(headline.getByTestId('net-gain')).toHaveText(pt(lake.net, true));
  await expect(headline.getByTestId('organic-gain')).toHaveText(pt(lake.organic, true));
  await expect(headline.getByTestId('paid-gain')).toHaveText(pt(lake.paid, true));
  await expect(headline.getByTestId('best-day')).toContainText(pt(lake.best, true));
  await expect(headline.getByTestId('worst-day')).toContainText(pt(lake.worst, true));
  await expect(headline.getByTestId('days-with-data')).toContainText(`${lake.days} dias com dados · 3 faltantes`);
  await expect(page.getByTestId('freshness')).toContainText(`Dados até ${lake.to.split('-').reverse().join('/')}`);
  await expect(page.getByTestId('freshness')).toContainText('ok');

  // Missing days: a marked band per run of days on both charts, and named under the bars.
  await expect(page.getByTestId('gains-chart')).toHaveAttribute('data-gaps', '2');
  await expect(page.getByTestId('followers-chart')).toHaveAttribute('data-gaps', '2');
  await expect(page.getByTestId('missing-days')).toHaveText('3 dias faltantes: 10/11/2026 – 11/11/2026, 20/11/2026. Não entram nas somas.');
  await snap(page, 'dashboard');

  // The bars' CSV: the same figures, missing days as empty cells (never 0).
  const gains = page.getByTestId('gains-chart').locator('..');
  const [gainsCsv] = await Promise.all([page.waitForEvent('download'), gains.getByRole('button', { name: 'Baixar CSV' }).click()]);
  expect(gainsCsv.suggestedFilename()).toMatch(/^follower-pulse-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-gains-day\.csv$/);
  const rows = await readDownload(gainsCsv);
  expect(rows).toHaveLength(30);
  expect(rows.reduce((n, r) => n + (r.net === '' ? 0 : Number(r.net)), 0)).toBe(lake.net);
  expect(rows.reduce((n, r) => n + (r.organic === '' ? 0 : Number(r.organic)), 0)).toBe(lake.organic);
  for (const day of GAPS) expect(rows.find((r) => r.bucket === day)).toMatchObject({ organic: '', sponsored: '', net: '', days_with_data: '0' });
  // A loss day is a number in the file, not a quoted text cell.
  const loss = rows.find((r) => r.net.startsWith('-'));
  if (loss) expect(Number(loss.net)).toBeLessThan(0);

  const followers = page.getByTestId('followers-chart').locator('..');
  const [followersCsv] = await Promise.all([page.waitForEvent('download'), followers.getByRole('button', { name: 'Baixar CSV' }).click()]);
  const points = await readDownload(followersCsv);
  expect(points.at(-1)).toMatchObject({ day: lake.to, followers: String(lake.followers), has_data: 'true' });
  expect(points).toHaveLength(30);
  for (const day of GAPS) expect(points.find((r) => r.day === day)?.followers).toBe('');

  // And the picture.
  const [png] = await Promise.all([page.waitForEvent('download'), followers.getByRole('button', { name: 'Baixar PNG' }).click()]);
  expect((await readFile(await png.path())).subarray(1, 4).toString()).toBe('PNG');

  // Week granularity: ISO weeks, summing to the same net gain.
  await page.getByRole('radiogroup', { name: 'Agrupar por' }).getByText('Semana').click();
  const [weekCsv] = await Promise.all([page.waitForEvent('download'), gains.getByRole('button', { name: 'Baixar CSV' }).click()]);
  const weeks = await readDownload(weekCsv);
  for (const w of weeks) expect(new Date(`${w.bucket}T00:00:00Z`).getUTCDay(), w.bucket).toBe(1);
  expect(weeks.reduce((n, r) => n + (r.net === '' ? 0 : Number(r.net)), 0)).toBe(lake.net);
  await page.getByRole('radiogroup', { name: 'Agrupar por' }).getByText('Dia').click();

  // A 90-day projection: the followers chart goes on with its bands, and says how good the method is.
  await page.getByRole('radiogroup', { name: 'Projeção' }).getByText('90 dias').click();
  const note = page.getByTestId('projection-note');
  await expect(note).toContainText(/MASE \d+,\d{2}/);
  await expect(note).toContainText(/80 % de chance entre [\d.]+ e [\d.]+/);
  const [projectedCsv] = await Promise.all([page.waitForEvent('download'), followers.getByRole('button', { name: 'Baixar CSV' }).click()]);
  const projected = (await readDownload(projectedCsv)).filter((r) => r.projected === 'true');
  expect(projected).toHaveLength(90);
  for (const p of projected) {
    const [l95, l80, f, h80, h95] = [p.low95, p.low80, p.followers, p.high80, p.high95].map(Number);
    expect(l95 <= l80 && l80 <= f && f <= h80 && h80 <= h95, JSON.stringify(p)).toBe(true);
  }
  const forecast = await api.value('insights.forecast', { horizon: 90 });
  await expect(note).toContainText(forecast.beatsNaive ? 'errou menos que repetir o ganho do dia anterior' : 'não foi melhor que simplesmente repetir');
  await snap(page, 'dashboard-projection');
  await page.getByRole('radiogroup', { name: 'Projeção' }).getByText('Sem projeção').click();

  // The reconciliation is explained, not hidden.
  await page.getByTestId('reconciliation').locator('summary').click();
  await expect(page.getByTestId('reconciliation')).toContainText('LinkedIn remove contas inativas');

  await setTheme(page, 'Escuro');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap(page, 'dashboard-dark');
  // The choice is remembered on reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await setTheme(page, 'Claro');
});

test('the dashboard in English: numbers and dates in the English format', async ({ page, api }) => {
  const lake = await expectedFromLake(api);
  await api.value('settings.update', { language: 'en' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByTestId('followers-now')).toHaveText('12,480');
  await expect(page.getByTestId('net-gain')).toHaveText(new Intl.NumberFormat('en', { signDisplay: 'exceptZero' }).format(lake.net));
  await expect(page.getByTestId('missing-days')).toContainText('Nov 10, 2026 – Nov 11, 2026, Nov 20, 2026');
  await snap(page, 'dashboard-en');
  await setTheme(page, 'Dark');
  await snap(page, 'dashboard-en-dark');
  await setTheme(page, 'Light');
});

test('two pages: all together, or one at a time', async ({ page, api }) => {
  await api.value('accounts.add', { network: 'linkedin', id: SECOND_PAGE.id, name: SECOND_PAGE.name });
  await api.syncAndWait();
  await page.reload();
  const scope = page.getByRole('combobox', { name: 'Páginas' });
  await expect(scope.locator('option')).toHaveText(['Todas as páginas (2)', ACME.name, SECOND_PAGE.name]);
  const all = await api.value('insights.report', {});
  await expect(page.getByTestId('net-gain')).toHaveText(pt(all.headline.netGain, true));
  await scope.selectOption({ label: SECOND_PAGE.name });
  const one = await api.value('insights.report', { accounts: [`linkedin:${SECOND_PAGE.id}`] });
  expect(one.accounts.map((a) => a.accountId)).toEqual([SECOND_PAGE.id]);
  await expect(page.getByTestId('net-gain')).toHaveText(pt(one.headline.netGain, true));
  await expect(page.getByTestId('followers-now')).toHaveText(pt(one.headline.followersEnd ?? 0));
  // The choice holds when coming back from another view.
  await page.getByRole('navigation').getByRole('link', { name: 'Metas', exact: true }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Painel', exact: true }).click();
  await expect(scope).toHaveValue(`linkedin:${SECOND_PAGE.id}`);
});

test('a custom period starts from the range on screen and asks the engine for exactly those days', async ({ page, api }) => {
  const defaults = await api.value('insights.report', {});
  await page.getByRole('radiogroup', { name: 'Período' }).getByText('Personalizado').click();
  const from = page.getByLabel('Primeiro dia do período');
  const to = page.getByLabel('Último dia do período');
  await expect(from).toHaveValue(defaults.from);
  await expect(to).toHaveValue(defaults.to);
  await from.fill('2026-11-01');
  await to.fill('2026-11-15');
  const custom = await api.value('insights.report', { from: '2026-11-01', to: '2026-11-15' });
  await expect(page.getByTestId('net-gain')).toHaveText(pt(custom.headline.netGain, true));
  await expect(page.getByTestId('days-with-data')).toContainText(`${custom.headline.daysWithData} dias com dados`);
  // A reversed range is said, and nothing is asked.
  await from.fill('2026-11-20');
  await expect(page.getByRole('alert')).toHaveText('A data inicial vem depois da final.');
  await snap(page, 'dashboard-custom-period');
});

/** The 4-week / 3-month average as the UI must compute it: complete buckets only, at least half of the window. */
function expectedBucketAverages(rows: Record<string, string>[], window: number, daysOf: (bucket: string) => number): (number | null)[] {
  const complete = rows.map((r) => (Number(r.days_with_data) === daysOf(r.bucket) ? Number(r.net) : null));
  return complete.map((value, i) => {
    if (value === null || i < window - 1) return null;
    const known = complete.slice(i - window + 1, i + 1).filter((v): v is number => v !== null);
    return known.length >= Math.ceil(window / 2) ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 100) / 100 : null;
  });
}

test('weeks and months get a 4-week and a 3-month average of complete buckets, or say why there is none', async ({ page }) => {
  const gains = page.getByTestId('gains-chart').locator('..');
  await page.getByRole('radiogroup', { name: 'Período' }).getByText('365 dias').click();
  await page.getByRole('radiogroup', { name: 'Agrupar por' }).getByText('Semana').click();
  await expect(page.getByTestId('bucket-average-toggle')).toBeChecked();
  const [weekCsv] = await Promise.all([page.waitForEvent('download'), gains.getByRole('button', { name: 'Baixar CSV' }).click()]);
  const weeks = await readDownload(weekCsv);
  const weekAverages = weeks.map((r) => (r.avg_4_weeks === '' ? null : Number(r.avg_4_weeks)));
  expect(weekAverages).toEqual(expectedBucketAverages(weeks, 4, () => 7));
  expect(weekAverages.filter((v) => v !== null).length).toBeGreaterThan(20);
  // The weeks holding the missing days have no average of their own.
  const gapWeek = weeks.find((r) => r.bucket === '2026-11-09');
  expect(gapWeek?.avg_4_weeks).toBe('');
  await expect(page.getByTestId('bucket-average-none')).toHaveCount(0);

  await page.getByRole('radiogroup', { name: 'Agrupar por' }).getByText('Mês').click();
  const [monthCsv] = await Promise.all([page.waitForEvent('download'), gains.getByRole('button', { name: 'Baixar CSV' }).click()]);
  const months = await readDownload(monthCsv);
  const monthDays = (bucket: string): number => new Date(Date.UTC(Number(bucket.slice(0, 4)), Number(bucket.slice(5, 7)), 0)).getUTCDate();
  const monthAverages = months.map((r) => (r.avg_3_months === '' ? null : Number(r.avg_3_months)));
  expect(monthAverages).toEqual(expectedBucketAverages(months, 3, monthDays));
  expect(monthAverages.filter((v) => v !== null).length).toBeGreaterThan(5);
  // November holds missing days: incomplete, so no average on it.
  expect(monthAverages.at(-1)).toBeNull();
  await snap(page, 'dashboard-month-average');

  // 30 days hold no complete month: the chart says why there is no line.
  await page.getByRole('radiogroup', { name: 'Período' }).getByText('30 dias').click();
  await expect(page.getByTestId('bucket-average-none')).toContainText('Sem média de 3 meses: ela usa só meses completos');
  // Switched off, the line and its note go.
  await page.getByTestId('bucket-average-toggle').uncheck();
  await expect(page.getByTestId('bucket-average-none')).toHaveCount(0);
});

test('opening on the dashboard asks for its report alongside the start-up calls, not after them', async ({ page }) => {
  // A page of its own, so nothing the first page still has in flight is counted.
  const fresh = await page.context().newPage();
  const sequence: string[] = [];
  const method = (url: string): string | null => /\/api\/call\/([\w.]+)/.exec(url)?.[1] ?? null;
  fresh.on('request', (r) => {
    const m = method(r.url());
    if (m) sequence.push(`ask ${m}`);
  });
  fresh.on('requestfinished', (r) => {
    const m = method(r.url());
    if (m) sequence.push(`answer ${m}`);
  });
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('followers-now')).toHaveText('12.480');
  const firstAnswer = sequence.findIndex((s) => s.startsWith('answer '));
  // Before any start-up answer is in: the app's own calls and the dashboard's report, together.
  expect(sequence.slice(0, firstAnswer)).toEqual(expect.arrayContaining(['ask app.info', 'ask settings.get', 'ask accounts.list', 'ask insights.report']));
  // And the report is asked for once: the view takes the answer already on its way.
  expect(sequence.filter((s) => s === 'ask insights.report')).toHaveLength(1);
  await fresh.close();
});
