import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { startFakeGraph, type FakeGraph } from '../fakes/fake-graph';
import type { ApiClient } from './support/api-client';
import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';
import { TEST_NOW } from './support/serve-process';

const GRAPH_TOKEN = 'EAAG-ui-page-token';
const PAGE = { id: '104173652001234', name: 'Acme Social', followers: 4_000 };

let graph: FakeGraph;

test.beforeEach(async () => {
  graph = await startFakeGraph({ token: GRAPH_TOKEN, now: new Date(TEST_NOW) });
  // 5 follows and 1 unfollow every day: +4 a day, so the figures below are worked by hand.
  graph.addPage(PAGE.id, { name: PAGE.name, followers: PAGE.followers, follows: () => 5, unfollows: () => 1 });
});
test.afterEach(async () => graph.close());

/** LinkedIn's net gain over the dashboard's default period (30 days ending 2026-11-25), from SQL. */
async function linkedinNet(api: ApiClient): Promise<number> {
  const sums = await api.value('data.query', {
    sql: "SELECT sum(total_gain) AS net FROM follower_gains WHERE network = 'linkedin' AND day BETWEEN DATE '2026-10-27' AND DATE '2026-11-25'",
    engine: 'local',
  });
  return Number(sums.rows[0].net);
}

const pt = (n: number, options: Intl.NumberFormatOptions = {}): string => new Intl.NumberFormat('pt-BR', options).format(n);

test('a Facebook Page connected next to LinkedIn in the UI shows in the cross-network view', async ({ page, api }) => {
  await api.value('settings.update', { facebook: { apiBaseUrl: graph.url } });

  // Settings › Pages: token, Page id, test connection, add.
  await page.getByRole('link', { name: 'Configurações' }).click();
  const form = page.getByTestId('network-account-form');
  await form.getByLabel('Rede').selectOption('facebook');
  const secret = form.locator('[data-secret="facebook.pageToken"]');
  await secret.getByRole('button', { name: 'Definir' }).click();
  await secret.getByPlaceholder('Cole o valor').fill(GRAPH_TOKEN);
  await secret.getByRole('button', { name: 'Salvar' }).click();
  await form.getByLabel('Conta', { exact: true }).fill(PAGE.id);
  await form.getByRole('button', { name: 'Testar conexão' }).click();
  await expect(form.getByTestId('network-test-ok')).toContainText(`${PAGE.name}, 4.000 seguidores`);
  await form.getByRole('button', { name: 'Adicionar', exact: true }).click();
  await expect(page.getByTestId('page-row').filter({ hasText: PAGE.id })).toBeVisible();

  // Sync from the UI.
  await page.getByRole('link', { name: 'Execuções' }).click();
  await page.getByRole('button', { name: 'Sincronizar agora' }).click();
  const progress = page.getByTestId('sync-progress');
  await expect(progress).toHaveAttribute('data-phase', 'finished', { timeout: 60_000 });
  await expect(page.getByTestId('run-row').first().locator('[data-status]')).toHaveAttribute('data-status', 'success');

  // The dashboard: all pages span two networks, so the cross-network view shows.
  await page.getByRole('link', { name: 'Painel' }).click();
  const view = page.getByTestId('cross-network');
  await expect(view).toBeVisible();
  const table = view.getByTestId('cross-network-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);

  // Facebook, worked by hand: its count 4,000 was taken on 11-28 and its newest gain is 11-26
  // (lag 2 days), so at the end of 11-25 it had 4,000 − 4 = 3,996 and at the end of 10-26
  // 3,996 − 30 × 4 = 3,876; net +120, growth 120 / 3,876 = +3.1 %.
  const facebook = table.locator('tr[data-network="facebook"]');
  await expect(facebook.locator('[data-cell="start"]')).toHaveText('3.876');
  await expect(facebook.locator('[data-cell="end"]')).toHaveText('3.996');
  await expect(facebook.locator('[data-cell="net"]')).toHaveText('+120');
  await expect(facebook.locator('[data-cell="growth"]')).toHaveText(pt(0.031, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }));
  // LinkedIn ends on its count, 12,480 (no gains synced after 11-25, lag 3 days); its net is the lake's sum.
  const net = await linkedinNet(api);
  const linkedin = table.locator('tr[data-network="linkedin"]');
  await expect(linkedin.locator('[data-cell="end"]')).toHaveText('12.480');
  await expect(linkedin.locator('[data-cell="start"]')).toHaveText(pt(12_480 - net));
  await expect(linkedin.locator('[data-cell="net"]')).toHaveText(pt(net, { signDisplay: 'exceptZero' }));
  // Shares of the 16,476 followers at the end: 3,996 → 24.3 %, 12,480 → 75.7 %.
  await expect(facebook.locator('[data-cell="share"]')).toHaveText(pt(0.243, { style: 'percent', maximumFractionDigits: 1 }));
  await expect(linkedin.locator('[data-cell="share"]')).toHaveText(pt(0.757, { style: 'percent', maximumFractionDigits: 1 }));

  // Both networks on one chart, and the index: every line starts at 100.
  const chart = view.getByTestId('cross-network-chart');
  await expect(chart).toHaveAttribute('data-networks', 'linkedin facebook');
  await expect(chart).toHaveAttribute('data-mode', 'absolute');
  await snap(page, 'cross-network');
  await view.getByRole('radiogroup', { name: 'Escala' }).getByText('Índice (início = 100)').click();
  await expect(chart).toHaveAttribute('data-mode', 'indexed');
  await expect(view.getByTestId('cross-network-index-notes')).toHaveCount(0);
  await expect(page.getByTestId('cross-network-gains-chart')).toHaveAttribute('data-networks', 'linkedin facebook');
  await view.scrollIntoViewIfNeeded();
  await snap(page, 'cross-network-indexed');
  await page.getByRole('radiogroup', { name: 'Tema' }).getByText('Escuro', { exact: true }).click();
  await snap(page, 'cross-network-indexed-dark');
  await page.getByRole('radiogroup', { name: 'Tema' }).getByText('Claro', { exact: true }).click();

  // The indexed chart's CSV: Facebook's last day at 3,996 / 3,876 × 100 = 103.1.
  const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Baixar CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-networks-indexed\.csv$/);
  const rows = parse<Record<string, string>>((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''), { columns: true });
  expect(rows.find((r) => r.network === 'facebook' && r.day === '2026-11-25')).toMatchObject({ followers: '3996', index: '103.1' });
  expect(rows.find((r) => r.network === 'linkedin' && r.day === '2026-11-25')).toMatchObject({ followers: '12480' });

  // English: the same view, its numbers and dates in English.
  await api.value('settings.update', { language: 'en' });
  await page.reload();
  const en = page.getByTestId('cross-network');
  await expect(en.getByRole('heading', { name: 'Networks side by side' })).toBeVisible();
  await expect(en.locator('tr[data-network="facebook"] [data-cell="start"]')).toHaveText('3,876');
  await expect(en.locator('tr[data-network="facebook"] [data-cell="growth"]')).toHaveText('+3.1%');
  await snap(page, 'en-cross-network');
});
