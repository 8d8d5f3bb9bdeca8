import { startFakeX } from '../fakes/fake-x';
import { ACME, SECOND_PAGE } from './support/fake-linkedin-setup';
import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';

test.use({ preset: 'fresh' });

const X_TOKEN = 'AAAA-welcome-bearer-token';

test('first launch: language, pasted token, page, first sync with progress, then the run in the history', async ({ page, fake, api }) => {
  await expect(page.getByRole('heading', { name: 'Boas-vindas ao Follower Pulse' })).toBeVisible();
  await snap(page, 'welcome-1-language');

  // 1. Language: Portuguese is the default; choosing it saves it.
  await page.getByText('Português (Brasil)').click();
  await page.getByRole('button', { name: 'Continuar' }).click();

  // 2. LinkedIn: the pasted token goes to the keychain and is checked against LinkedIn.
  await expect(page.getByRole('heading', { name: 'Conecte o LinkedIn' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continuar' })).toBeDisabled();
  await page.getByRole('textbox', { name: 'Token de acesso' }).fill('test-token');
  await page.getByRole('button', { name: 'Salvar e verificar' }).click();
  const check = page.getByTestId('token-check');
  await expect(check).toContainText('Token válido');
  await expect(check).toContainText('Administra 2 páginas.');
  await expect(check).toContainText('27/01/2027'); // pasted today: 60 days, an estimate
  await snap(page, 'welcome-2-linkedin');
  await page.getByRole('button', { name: 'Continuar' }).click();

  // 3. Pages: both administered pages are listed; only Acme Ltda is picked.
  await expect(page.getByRole('heading', { name: 'Escolha as páginas' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: new RegExp(SECOND_PAGE.name) })).toBeVisible();
  await page.getByRole('checkbox', { name: new RegExp(ACME.name) }).check();
  await snap(page, 'welcome-3-pages');
  // Slow LinkedIn down so the first sync's progress is on screen long enough to see.
  fake.setLatency(400);
  await page.getByRole('button', { name: 'Acompanhar e continuar' }).click();

  // 4. Other networks are optional: skipped here (added in the next test).
  await expect(page.getByRole('heading', { name: 'Outras redes (opcional)' })).toBeVisible();
  await page.getByRole('button', { name: 'Pular esta etapa' }).click();

  // 5. First sync, with visible progress.
  await expect(page.getByRole('heading', { name: 'Primeira sincronização' })).toBeVisible();
  const progress = page.getByTestId('sync-progress');
  await expect(progress).toHaveAttribute('data-phase', 'running');
  await expect(progress.getByRole('progressbar', { name: 'Progresso da sincronização' })).toBeVisible();
  await snap(page, 'welcome-4-first-sync');

  // Then the run history, with the new run open.
  await expect(page.getByRole('heading', { name: 'Histórico de execuções' })).toBeVisible({ timeout: 45_000 });
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('[data-status]')).toHaveAttribute('data-status', 'success');
  await expect(rows.first()).toContainText('Sucesso');
  await expect(rows.first()).toContainText('Manual');
  const detail = page.getByTestId('run-detail');
  await expect(detail).toContainText(ACME.name);
  await expect(detail.getByTestId('missing-days')).toHaveText('nenhum');
  await snap(page, 'welcome-5-landed-in-runs');

  // What the engine now holds: that one page, and the token in the keychain (never its value).
  expect((await api.value('accounts.list')).map((a) => a.id)).toEqual([ACME.id]);
  const secrets = await api.value('secrets.status');
  expect(secrets['linkedin.accessToken']).toEqual({ set: true, source: 'keychain' });
  expect((await api.value('settings.get')).language).toBe('pt-BR');
});

test('the welcome flow adds an X handle next to the LinkedIn page, tested with the same form as Settings', async ({ page, api }) => {
  const x = await startFakeX({ token: X_TOKEN });
  try {
    x.addUser('AcmeBrasil', { id: '99', name: 'Acme no X', followers: 9_876 });
    await api.value('settings.update', { x: { apiBaseUrl: x.apiBaseUrl } });
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page.getByRole('textbox', { name: 'Token de acesso' }).fill('test-token');
    await page.getByRole('button', { name: 'Salvar e verificar' }).click();
    await expect(page.getByTestId('token-check')).toContainText('Token válido');
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page.getByRole('checkbox', { name: new RegExp(ACME.name) }).check();
    await page.getByRole('button', { name: 'Acompanhar e continuar' }).click();

    await expect(page.getByRole('heading', { name: 'Outras redes (opcional)' })).toBeVisible();
    const form = page.getByTestId('network-account-form');
    await form.getByLabel('Rede').selectOption('x');
    const secret = form.locator('[data-secret="x.bearerToken"]');
    await secret.getByRole('button', { name: 'Definir' }).click();
    await secret.getByPlaceholder('Cole o valor').fill(X_TOKEN);
    await secret.getByRole('button', { name: 'Salvar' }).click();
    await form.getByLabel('Conta', { exact: true }).fill('@AcmeBrasil');
    await form.getByRole('button', { name: 'Testar conexão' }).click();
    await expect(form.getByTestId('network-test-ok')).toContainText('Acme no X, 9.876 seguidores');
    await form.getByRole('button', { name: 'Adicionar', exact: true }).click();
    await expect(page.getByTestId('welcome-networks-added')).toContainText('Acme no X');
    await snap(page, 'welcome-3b-networks');
    expect((await api.value('accounts.list')).map((a) => `${a.network}:${a.id}`)).toEqual([`linkedin:${ACME.id}`, 'x:AcmeBrasil']);

    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page.getByRole('heading', { name: 'Histórico de execuções' })).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId('run-row').first().locator('[data-status]')).toHaveAttribute('data-status', 'success');
  } finally {
    await x.close();
  }
});

test('"Pular por enquanto" is remembered: the next visit opens the app, not the welcome again', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Boas-vindas ao Follower Pulse' })).toBeVisible();
  await page.getByRole('button', { name: 'Pular por enquanto' }).click();
  await expect(page.getByRole('heading', { name: 'Painel', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Painel', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Boas-vindas ao Follower Pulse' })).toHaveCount(0);
  await snap(page, 'dashboard-empty');
});
