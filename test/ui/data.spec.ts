import { ACME } from './support/fake-linkedin-setup';
import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';

// Older gaps: the run is still a success, and the strip shows where the lake has holes.
const GAPS = ['2026-03-10', '2026-03-11', '2026-03-12', '2026-08-02'];
test.use({ missingDays: GAPS });

test('the Data view: coverage, gains, table previews with rows, and SQL with inline errors', async ({ page }) => {
  await page.getByRole('link', { name: 'Dados' }).click();
  const pageCard = page.getByTestId('page-coverage');
  await expect(pageCard).toContainText(ACME.name);
  await expect(pageCard.getByTestId('total-followers')).toContainText('12.480');
  await expect(pageCard.locator('canvas')).toHaveCount(2);
  await expect(pageCard.getByTestId('missing-count')).toHaveText('4');
  await expect(pageCard.getByTestId('missing-list')).toHaveText('Sem dados para 10/03/2026 – 12/03/2026, 02/08/2026.');
  await expect(pageCard.getByRole('img', { name: /359 dias com dados e 4 dias faltantes/ })).toBeVisible();

  // A preview runs its SQL on the local engine and shows the first rows.
  const previews = page.getByTestId('previews');
  const rows = previews.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText('25/11/2026');
  await expect(rows.first()).toContainText(ACME.id);
  await previews.getByRole('tab', { name: 'Resumo por página' }).click();
  await expect(previews.getByRole('table')).toContainText(ACME.name);
  await previews.getByRole('tab', { name: 'Novos seguidores' }).click();
  await snap(page, 'data');
  // The theme follows the OS (prefers-color-scheme), charts included.
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'data-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Free SQL on the local engine.
  const sql = page.getByTestId('sql-box');
  await sql.getByLabel('SQL').fill('SELECT count(*) AS dias FROM follower_gains');
  await sql.getByRole('button', { name: 'Executar' }).click();
  await expect(sql.getByRole('table')).toContainText('359');
  await expect(sql.getByTestId('query-meta')).toContainText('Local');

  // A bad query: the error is shown in place, with the engine's message.
  await sql.getByLabel('SQL').fill('SELECT * FROM tabela_que_nao_existe');
  await sql.getByRole('button', { name: 'Executar' }).click();
  const error = sql.getByTestId('query-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('tabela_que_nao_existe');
  await expect(error.getByTestId('error-todo')).toBeVisible();
  await snap(page, 'data-query-error');

  // Athena while it is off: the engine names the setting, and the link opens the section holding it.
  await sql.getByText('Athena', { exact: true }).click();
  await sql.getByRole('button', { name: 'Executar' }).click();
  await expect(error).toContainText('athena.enabled');
  await snap(page, 'data-athena-off');
  await error.getByRole('link', { name: /Abrir Configurações/ }).click();
  await expect(page).toHaveURL(/#\/settings\/aws$/);
});
