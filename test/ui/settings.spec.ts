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

test('the optional e-mails: off-limits without SMTP, then toggled, saved and still toggled after a reload', async ({ page, api }) => {
  await page.getByRole('link', { name: 'Configurações' }).click();
  const email = page.getByTestId('settings-email');
  const weekly = email.getByLabel('Resumo semanal por e-mail');
  const goals = email.getByLabel('Avisar quando uma meta ficar em risco ou atrasada');
  // Defaults (weekly off, goal alerts on), not changeable until the mail can be sent.
  await expect(weekly).not.toBeChecked();
  await expect(goals).toBeChecked();
  await expect(weekly).toBeDisabled();
  await expect(goals).toBeDisabled();
  await expect(email.getByTestId('optional-emails-reason')).toContainText('servidor SMTP');

  await email.getByLabel('Servidor SMTP').fill('smtp.example.com.br');
  await email.getByLabel('Remetente').fill('follower-pulse@example.com.br');
  await email.getByLabel('Destinatários').fill('marketing@example.com.br');
  await expect(email.getByTestId('optional-emails-reason')).toHaveCount(0);
  await weekly.check();
  await goals.uncheck();
  await email.getByRole('button', { name: 'Salvar' }).click();
  await expect(email.getByRole('status').filter({ hasText: 'Salvo' })).toBeVisible();
  const saved = await api.value('settings.get');
  expect(saved.alerts).toMatchObject({ weeklySummary: true, onGoalStatus: false });

  await page.reload();
  const after = page.getByTestId('settings-email');
  await expect(after.getByLabel('Resumo semanal por e-mail')).toBeChecked();
  await expect(after.getByLabel('Avisar quando uma meta ficar em risco ou atrasada')).not.toBeChecked();
  await expect(after.getByLabel('Resumo semanal por e-mail')).toBeEnabled();
  await snap(page, 'settings-optional-emails');
});
