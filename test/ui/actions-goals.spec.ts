import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';

const VERDICTS: Record<string, RegExp> = {
  raised: /^provavelmente aumentou os seguidores em ~[\d.,]+\/dia$/,
  lowered: /^provavelmente reduziu os seguidores em ~[\d.,]+\/dia$/,
  'no-effect': /^nenhum efeito detectável$/,
  'too-little-data': /^poucos dados ainda$/,
};

const STATUS: Record<string, string> = { met: 'atingida', 'on-track': 'no ritmo', 'at-risk': 'em risco', behind: 'atrasada' };

test('adding a company action shows it with its verdict, and as an annotation on the dashboard charts', async ({ page, api }) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Ações', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Ações da empresa', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Registrar ação' }).first().click();
  const form = page.getByTestId('action-form');
  // A missing title is said next to the field; nothing is sent.
  await form.getByLabel('Dia', { exact: true }).fill('2026-11-12');
  await form.getByRole('button', { name: 'Registrar ação' }).click();
  await expect(form.getByText('Dê um título à ação.')).toBeVisible();
  await form.getByLabel('Título').fill('Campanha de Black Friday');
  await form.getByLabel('Tipo').selectOption('campaign');
  await form.getByRole('button', { name: 'Registrar ação' }).click();
  await expect(page.getByTestId('actions-notice')).toContainText('Campanha de Black Friday');

  const row = page.getByTestId('action-row').filter({ hasText: 'Campanha de Black Friday' });
  await expect(row).toContainText('12/11/2026');
  const stored = (await api.value('events.list')).events.find((e) => e.title === 'Campanha de Black Friday');
  expect(stored).toBeDefined();
  await expect(row.getByTestId('action-verdict')).toHaveText(VERDICTS[stored!.impact.verdict]);
  await snap(page, 'actions');

  // Edit: the new title replaces the old one.
  await row.getByRole('button', { name: 'Editar' }).click();
  await page.getByTestId('action-form').getByLabel('Título').fill('Campanha Black Friday 2026');
  await page.getByTestId('action-form').getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByTestId('action-row').filter({ hasText: 'Campanha Black Friday 2026' })).toHaveCount(1);

  // A CSV with a bad row: the row's problem is shown and nothing is imported.
  const before = (await api.value('events.list')).events.length;
  await page.getByTestId('actions-import').setInputFiles({
    name: 'acoes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('day,end_day,network,category,title,notes,account_id\n2026-11-01,,,post,Post de lançamento,,\n2026-13-45,,,post,Dia impossível,,\n'),
  });
  await expect(page.getByTestId('actions-failure')).toContainText('row 2 (line 3)');
  await expect(page.getByTestId('actions-failure')).toContainText('nothing was imported');
  expect((await api.value('events.list')).events.length).toBe(before);

  // On the dashboard: drawn on both time charts, with its verdict in the side list.
  await page.getByRole('navigation').getByRole('link', { name: 'Painel', exact: true }).click();
  await expect(page.getByTestId('gains-chart')).toHaveAttribute('data-events', '1');
  await expect(page.getByTestId('followers-chart')).toHaveAttribute('data-events', '1');
  await expect(page.getByTestId('dashboard-actions')).toContainText('Campanha Black Friday 2026');
  await snap(page, 'dashboard-with-action');

  await page.getByRole('navigation').getByRole('link', { name: 'Ações', exact: true }).click();
  await page.getByRole('radiogroup', { name: 'Tema' }).getByText('Escuro', { exact: true }).click();
  await snap(page, 'actions-dark');
  await page.getByRole('radiogroup', { name: 'Tema' }).getByText('Sistema', { exact: true }).click();

  // Remove asks first.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('action-row').filter({ hasText: 'Campanha Black Friday 2026' }).getByRole('button', { name: 'Remover' }).click();
  await expect(page.getByTestId('action-row')).toHaveCount(0);
});

test('a goal shows its progress, pace and status', async ({ page, api }) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Metas', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Metas', level: 1 })).toBeVisible();
  const form = page.getByTestId('goal-form');
  await form.getByLabel('Seguidores').fill('dez mil');
  await form.getByRole('button', { name: 'Criar meta' }).click();
  await expect(form.getByText('Informe um número inteiro de seguidores')).toBeVisible();

  // Already met: 12.480 followers against 10.000.
  await form.getByLabel('Seguidores').fill('10000');
  await form.getByLabel('Até').fill('2027-06-30');
  await form.getByLabel('Nome (opcional)').fill('Marca dos 10 mil');
  await form.getByRole('button', { name: 'Criar meta' }).click();
  const met = page.getByTestId('goal-card').filter({ hasText: 'Marca dos 10 mil' });
  await expect(met.getByTestId('goal-status')).toHaveText('atingida');

  // Ambitious: the status is whatever the pace says, as the engine computed it.
  await form.getByLabel('Seguidores').fill('20000');
  await form.getByLabel('Até').fill('2027-03-31');
  await form.getByLabel('Nome (opcional)').fill('Meta do trimestre');
  await form.getByRole('button', { name: 'Criar meta' }).click();
  const ambitious = page.getByTestId('goal-card').filter({ hasText: 'Meta do trimestre' });
  // The card appears once the engine has saved the goal; only then ask for it.
  await expect(ambitious).toBeVisible();
  const goal = (await api.value('goals.list')).goals.find((g) => g.name === 'Meta do trimestre');
  expect(goal).toBeDefined();
  expect(goal!.status).not.toBe('met');
  await expect(ambitious.getByTestId('goal-status')).toHaveText(STATUS[goal!.status]);
  await expect(ambitious).toContainText('12.480 de 20.000 até 31/03/2027');
  await snap(page, 'goals');

  await page.getByRole('radiogroup', { name: 'Tema' }).getByText('Escuro', { exact: true }).click();
  await snap(page, 'goals-dark');
  await page.getByRole('radiogroup', { name: 'Tema' }).getByText('Sistema', { exact: true }).click();

  await page.getByRole('navigation').getByRole('link', { name: 'Painel', exact: true }).click();
  await expect(page.getByTestId('dashboard-goals')).toContainText('Meta do trimestre');

  // An action for the English pictures of the Actions view.
  await api.value('events.add', { day: '2026-11-02', title: 'Webinar de lançamento', category: 'launch' });

  await api.value('settings.update', { language: 'en' });
  await page.evaluate(() => (window.location.hash = '#/goals'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Goals', level: 1 })).toBeVisible();
  await expect(page.getByTestId('goal-card').filter({ hasText: 'Marca dos 10 mil' }).getByTestId('goal-status')).toHaveText('met');
  await snap(page, 'goals-en');
  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Dark', { exact: true }).click();
  await snap(page, 'goals-en-dark');
  await page.getByRole('navigation').getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(page.getByTestId('action-row')).toHaveCount(1);
  await snap(page, 'actions-en-dark');
  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Light', { exact: true }).click();
  await snap(page, 'actions-en');
  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('System', { exact: true }).click();
});
