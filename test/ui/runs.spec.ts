import { ACME } from './support/fake-linkedin-setup';
import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';

test('"Sincronizar agora" shows live progress and adds the new run to the history', async ({ page, fake }) => {
  // The dashboard is the home view; the run history has its own entry.
  await page.getByRole('link', { name: 'Execuções' }).click();
  await expect(page.getByRole('heading', { name: 'Histórico de execuções' })).toBeVisible();
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(1);

  // Slow enough for the progress to be seen (and photographed) while it runs.
  fake.setLatency(1500);
  await page.getByRole('button', { name: 'Sincronizar agora' }).click();
  const progress = page.getByTestId('sync-progress');
  await expect(progress).toHaveAttribute('data-phase', 'running');
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sincronizando…' })).toBeDisabled();
  await snap(page, 'runs-sync-running');

  await expect(progress).toHaveAttribute('data-phase', 'finished', { timeout: 45_000 });
  await expect(rows).toHaveCount(2);
  // Newest first; the second sync re-reads the last days, which did not change (contract §5).
  await expect(rows.first().locator('[data-status]')).toHaveAttribute('data-status', 'up-to-date');
  await expect(rows.first()).toContainText('Em dia');
  await expect(rows.first()).toContainText('Manual');
  await expect(rows.nth(1).locator('[data-status]')).toHaveAttribute('data-status', 'success');
  await expect(page.getByRole('button', { name: 'Sincronizar agora' })).toBeEnabled();
  await snap(page, 'runs');

  // The status filter asks the engine for one status only.
  await page.getByRole('radio', { name: 'Sucesso' }).check({ force: true });
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('[data-status]')).toHaveAttribute('data-status', 'success');
});

test('an expired token: the failed run explains what happened and how to fix it', async ({ page, fake }) => {
  await page.getByRole('link', { name: 'Execuções' }).click();
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  fake.failNext('expired', 10);
  await page.getByRole('button', { name: 'Sincronizar agora' }).click();
  const progress = page.getByTestId('sync-progress');
  await expect(progress).toHaveAttribute('data-phase', 'finished', { timeout: 45_000 });
  // A failed run says so (not "concluída com problemas").
  await expect(progress).toContainText('A sincronização falhou');

  const newest = page.getByTestId('run-row').first();
  await expect(newest.locator('[data-status]')).toHaveAttribute('data-status', 'failed');
  await newest.click();

  const detail = page.getByTestId('run-detail');
  const error = detail.getByTestId('run-error');
  await expect(error).toContainText('Token do LinkedIn expirado');
  await expect(error.getByTestId('error-what')).toHaveText('O token de acesso do LinkedIn expirou.');
  await expect(error.getByTestId('error-todo')).toContainText('Gere um novo em Configurações › LinkedIn');
  await expect(error.getByTestId('error-detail')).toContainText('LINKEDIN_TOKEN_EXPIRED');
  await expect(detail.getByTestId('account-result')).toContainText(ACME.name);
  await snap(page, 'run-detail');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'run-detail-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The fix is one click away.
  await error.getByRole('link', { name: 'Abrir Configurações › LinkedIn' }).click();
  await expect(page.getByRole('heading', { name: 'Configurações', level: 1 })).toBeVisible();
  await expect(page.getByTestId('settings-linkedin')).toBeInViewport();
});
