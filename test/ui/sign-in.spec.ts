import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';
import { freePort } from '../support/free-port';

test.use({ preset: 'fresh' });


test('"Entrar com o LinkedIn": the browser round trip stores a token and the welcome flow goes on', async ({ page, api, fake }) => {
  // The LinkedIn app as registered: the fake's OAuth endpoints, its client id and secret.
  await api.value('settings.update', { linkedin: { oauthBaseUrl: fake.oauthBaseUrl, clientId: fake.oauthClientId, oauthRedirectPort: await freePort() } });
  await api.value('secrets.set', { name: 'linkedin.clientSecret', value: fake.oauthClientSecret });
  await page.reload();

  await page.getByRole('button', { name: 'Continuar' }).click();
  const signIn = page.getByTestId('sign-in');
  // Client id and secret are already there, so only the button is offered.
  await expect(signIn.getByRole('textbox')).toHaveCount(0);
  const popupOpened = page.waitForEvent('popup');
  await signIn.getByRole('button', { name: 'Entrar com o LinkedIn' }).click();
  const popup = await popupOpened;
  // LinkedIn (the fake) approves and redirects to the engine's loopback callback.
  await popup.waitForLoadState();
  expect(popup.url()).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/callback/);

  const check = page.getByTestId('token-check');
  await expect(check).toContainText('Token válido', { timeout: 20_000 });
  // A signed-in token's expiry comes from LinkedIn (60 days), not an estimate.
  await expect(check).toContainText('Expira em 27/01/2027.');
  await expect(page.getByTestId('secret-state')).toHaveText('definido');
  await snap(page, 'welcome-sign-in');
  await popup.close();

  const secrets = await api.value('secrets.status');
  expect(secrets['linkedin.accessToken']).toEqual({ set: true, source: 'keychain' });
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expect(page.getByRole('heading', { name: 'Escolha as páginas' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Acme Ltda/ })).toBeVisible();
});
