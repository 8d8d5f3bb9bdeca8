import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';

test('switching to English changes the whole UI at once and is remembered', async ({ page, api, serve }) => {
  await page.getByRole('link', { name: 'Configurações' }).click();
  await page.getByTestId('settings-language').getByLabel('Idioma', { exact: true }).selectOption('en');

  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toContainText('Runs');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect((await api.value('settings.get')).language).toBe('en');

  // A new visit reads the language from the settings.
  await page.goto(`${serve.origin}/#/runs`);
  await expect(page.getByRole('heading', { name: 'Run history' })).toBeVisible();
  const row = page.getByTestId('run-row').first();
  await expect(row).toContainText('Success');
  await expect(row).toContainText('Nov 28, 2026');
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeVisible();
  await snap(page, 'runs-en');

  await page.getByRole('link', { name: 'Data' }).click();
  await expect(page.getByTestId('page-coverage')).toContainText('12,480');
  await expect(page.getByTestId('page-coverage')).toContainText('New followers (90 days)');
});
