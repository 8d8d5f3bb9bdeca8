import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';

test.use({ preset: 'broken-settings' });

test('an invalid settings.json: a banner names the keys and how to fix them, and the file is left alone', async ({ page, serve }) => {
  const banner = page.getByTestId('settings-problem');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('O arquivo de configurações tem erros');
  await expect(banner).toContainText('schedule.dailyAt');
  await expect(banner).toContainText('alerts.smtp.port');
  await expect(banner).toContainText('settings.json');
  // No welcome flow over broken settings, and no sync that would run on them.
  await page.getByRole('link', { name: 'Execuções' }).click();
  await expect(page.getByRole('heading', { name: 'Histórico de execuções' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sincronizar agora' })).toBeDisabled();
  await snap(page, 'settings-problem');

  await page.getByRole('link', { name: 'Configurações' }).click();
  await expect(page.getByText('As configurações não podem ser editadas agora')).toBeVisible();
  // Never overwritten or "fixed" (contract §4).
  expect(await readFile(join(serve.home, 'settings.json'), 'utf8')).toContain('"25:00"');
});
