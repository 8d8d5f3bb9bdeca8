import { expect, test } from './support/fixtures';

// Issue 9 item 10: `serve` gets a way to end the browser session.
test('sign out ends the browser session: the page and the API answer 401 afterwards', async ({ page, serve }) => {
  await page.getByRole('link', { name: 'Configurações' }).click();
  const origin = new URL(serve.url).origin;
  const before = await page.request.post(`${origin}/api/call/app.info`, { data: {}, headers: { 'content-type': 'application/json' } });
  expect(before.status()).toBe(200);
  await page.getByRole('button', { name: 'Sair' }).click();
  await expect(page.getByText('follower-pulse serve').first()).toBeVisible();
  const after = await page.request.post(`${origin}/api/call/app.info`, { data: {}, headers: { 'content-type': 'application/json' } });
  expect(after.status()).toBe(401);
  // The link from the address bar or history does not sign in again.
  await page.goto(serve.url);
  await expect(page.getByText('já foi usado')).toBeVisible();
});
