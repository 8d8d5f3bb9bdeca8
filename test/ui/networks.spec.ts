import { type FakeX, startFakeX } from '../fakes/fake-x';
import { expect, test } from './support/fixtures';

const X_TOKEN = 'AAAAui-bearer-token';

let x: FakeX;

test.beforeEach(async () => {
  x = await startFakeX({ token: X_TOKEN });
  x.addUser('AcmeBrasil', { id: '99', name: 'Acme no X', followers: 9_876 });
});
test.afterEach(async () => x.close());

test('an X account is tested and added from Settings › Pages', async ({ page, api }) => {
  await api.value('settings.update', { x: { apiBaseUrl: x.apiBaseUrl } });
  await page.getByRole('link', { name: 'Configurações' }).click();
  const form = page.getByTestId('network-account-form');
  await form.getByLabel('Rede').selectOption('x');

  // No token yet: the test names the problem and what to do.
  await form.getByLabel('Conta', { exact: true }).fill('@AcmeBrasil');
  await form.getByRole('button', { name: 'Testar conexão' }).click();
  await expect(form.getByTestId('network-test-problem')).toContainText('x.bearerToken');
  expect(x.requests).toHaveLength(0);

  await api.value('secrets.set', { name: 'x.bearerToken', value: X_TOKEN });
  await form.getByRole('button', { name: 'Testar conexão' }).click();
  await expect(form.getByTestId('network-test-ok')).toContainText('Acme no X');
  await expect(form.getByTestId('network-test-ok')).toContainText('9.876');

  await form.getByRole('button', { name: 'Adicionar', exact: true }).click();
  await expect(page.getByTestId('page-row').filter({ hasText: 'AcmeBrasil' })).toBeVisible();
  const accounts = await api.value('accounts.list');
  expect(accounts.map((a) => `${a.network}:${a.id}:${a.name}`)).toContain('x:AcmeBrasil:Acme no X');
});
