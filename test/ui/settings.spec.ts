import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';

test('invalid values are explained next to their fields and nothing is saved', async ({ page, api }) => {
  await page.getByRole('link', { name: 'Configurações' }).click();
  await expect(page.getByRole('heading', { name: 'Configurações', level: 1 })).toBeVisible();
  await expect(page.getByTestId('settings-linkedin').getByTestId('secret-state').first()).toHaveText('definido');
  await snap(page, 'settings');

  const email = page.getByTestId('settings-email');
  const port = email.getByLabel('Porta', { exact: true });
  await port.fill('99999');
  await email.getByRole('button', { name: 'Salvar' }).click();
  await expect(email.locator('[data-field="alerts.smtp.port"] .field__error')).toHaveText('O valor máximo é 65.535.');
  await expect(port).toHaveAttribute('aria-invalid', 'true');
  await expect(email.getByTestId('form-not-saved')).toBeVisible();

  const schedule = page.getByTestId('settings-schedule');
  const dailyAt = schedule.getByLabel('Horário');
  await dailyAt.fill('25:00');
  await schedule.getByRole('button', { name: 'Salvar' }).click();
  await expect(schedule.locator('[data-field="schedule.dailyAt"] .field__error')).toHaveText('Use o formato HH:MM, de 00:00 a 23:59.');
  await expect(dailyAt).toHaveAttribute('aria-invalid', 'true');
  await schedule.scrollIntoViewIfNeeded();
  await snap(page, 'settings-validation');

  // Nothing reached settings.json.
  let saved = await api.value('settings.get');
  expect(saved.alerts.smtp.port).toBe(587);
  expect(saved.schedule.dailyAt).toBe('07:00');

  // A valid value saves, and clears its error.
  await dailyAt.fill('06:30');
  await schedule.getByRole('button', { name: 'Salvar' }).click();
  await expect(schedule.getByRole('status').filter({ hasText: 'Salvo' })).toBeVisible();
  await expect(schedule.locator('.field__error')).toHaveCount(0);
  saved = await api.value('settings.get');
  expect(saved.schedule.dailyAt).toBe('06:30');
  expect(saved.alerts.smtp.port).toBe(587);

  // After a reload the form shows what is saved, not what was typed.
  await page.reload();
  await expect(page.getByTestId('settings-email').getByLabel('Porta', { exact: true })).toHaveValue('587');
  await expect(page.getByTestId('settings-schedule').getByLabel('Horário')).toHaveValue('06:30');
});
