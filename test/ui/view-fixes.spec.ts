import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';

test('previews list the newest rows first, say how many there are and show the rest on request', async ({ page }) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Dados' }).click();
  const previews = page.getByTestId('previews');
  await previews.getByRole('tab', { name: /semana/i }).click();
  const rows = previews.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(20);
  // Newest week first: the week of the newest day (Monday 23/11/2026), not one from last year.
  await expect(rows.first()).toContainText('23/11/2026');
  const count = previews.getByTestId('preview-count');
  await expect(count).toHaveText(/^mostrando 20 de \d+ linhas$/);
  const total = Number((await count.textContent())!.match(/de (\d+)/)![1]);
  expect(total).toBeGreaterThan(20);
  await previews.getByRole('button', { name: `Mostrar todas (${total})` }).click();
  await expect(rows).toHaveCount(total);
  await expect(count).toHaveText(`mostrando ${total} de ${total} linhas`);

  // A typo in SELECT: the engine's syntax message, not "only read-only queries".
  const sql = page.getByTestId('sql-box');
  await sql.getByLabel('SQL').fill('SELEC * FROM follower_gains');
  await sql.getByRole('button', { name: 'Executar' }).click();
  const error = sql.getByTestId('query-error');
  await expect(error).toContainText(/syntax error/i);
  await expect(error).toContainText('SELEC');
  await expect(error).not.toContainText('read-only');
});

test('the sidebar does not promise a sync that serve --no-schedule will not run', async ({ page }) => {
  await expect(page.getByTestId('sidebar-schedule')).toHaveText('Agendamento diário fora deste processo');
});

test("the dashboard's freshness line names the last failure and links to its run", async ({ page, api, fake }) => {
  await expect(page.getByTestId('freshness')).toContainText('ok');
  fake.failNext('expired', 10);
  await api.syncAndWait();
  const failed = (await api.value('runs.list', { limit: 1 }))[0];
  expect(failed.status).toBe('failed');
  await page.reload();
  const link = page.getByTestId('freshness-failure');
  await expect(link).toContainText('falhou');
  await expect(link).toContainText('LinkedIn access token expired');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${failed.runId}$`));
  await expect(page.getByTestId('run-detail')).toContainText('Token do LinkedIn expirado');
  await expect(page.getByTestId('run-detail').getByTestId('bytes-written')).toHaveText('nenhum dado (só o registro da execução)');
  await expect(page.getByTestId('run-detail')).toContainText('alertas desligados');
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
]) {
  test(`the sidebar and the table tabs fit at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    const fitsWidth = async (): Promise<void> => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    };
    // Every sidebar entry and the footer visible without scrolling.
    for (const name of ['Painel', 'Ações', 'Metas', 'Execuções', 'Dados', 'Configurações']) await expect(page.getByRole('navigation').getByRole('link', { name, exact: true })).toBeInViewport();
    await expect(page.getByRole('radiogroup', { name: 'Tema' })).toBeInViewport();
    await fitsWidth();
    await page.getByRole('navigation').getByRole('link', { name: 'Dados' }).click();
    const tabs = page.getByTestId('previews').getByRole('tab');
    await expect(tabs.first()).toBeVisible();
    const box = await page.getByTestId('previews').boundingBox();
    for (const tab of await tabs.all()) {
      const t = await tab.boundingBox();
      expect(t!.x + t!.width).toBeLessThanOrEqual(box!.x + box!.width);
    }
    await fitsWidth();
    await snap(page, `data-${size.width}x${size.height}`);
    await page.getByRole('navigation').getByRole('link', { name: 'Painel' }).click();
    await expect(page.getByTestId('headline')).toBeVisible();
    await fitsWidth();
    await snap(page, `dashboard-${size.width}x${size.height}`);
  });
}

test.describe('a sync that re-fetches scattered missing days', () => {
  test.use({ missingDays: ['2026-09-01', '2026-09-02', '2026-10-15'] });

  test('the run drawer lists the requested days as ranges with their true count', async ({ page, api }) => {
    await api.syncAndWait();
    const run = (await api.value('runs.list', { limit: 1 }))[0];
    const requested = run.accounts[0].daysRequested;
    await page.evaluate((runId) => (window.location.hash = `#/runs/${runId}`), run.runId);
    const result = page.getByTestId('run-detail').getByTestId('account-result');
    // The gaps and the newest week: 10 days over a 86-day span, never "01/09/2026 a 25/11/2026 (10 dias)".
    expect(requested).toHaveLength(10);
    await expect(result).toContainText('10 dias: 01/09/2026 – 02/09/2026, 15/10/2026, 19/11/2026 – 25/11/2026');
    await snap(page, 'run-detail-requested-days');
  });
});
