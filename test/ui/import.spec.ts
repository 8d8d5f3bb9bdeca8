import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ACME } from './support/fake-linkedin-setup';
import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';

const HEADER = 'organizationalEntity,Data,Ganhos de seguidores orgânicos,Ganhos de seguidores patrocinados';

/** The old prototype's daily files, as pandas wrote them on Windows: BOM, index column, CRLF. */
function prototypeFile(rows: [string, number, number | null][]): string {
  const lines = rows.map(([day, organic, paid], i) => `${i},urn:li:organization:${ACME.id},${day},${organic},${paid === null ? '' : `${paid}.0`}`);
  return `\ufeff,${HEADER}\r\n${lines.join('\r\n')}\r\n`;
}

/** Drops a file on the drop zone the way a browser does: a drop event carrying a DataTransfer. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ fileName, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'text/csv' }));
      return transfer;
    },
    { fileName: name, content: text },
  );
  await page.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer });
}

test("importing the prototype's files: drop, preview, import; a bad file is refused with its reasons", async ({ page, serve }) => {
  await page.getByRole('link', { name: 'Dados' }).click();
  await page.getByTestId('open-import').click();
  await expect(page.getByRole('heading', { name: 'Importar histórico' })).toBeVisible();
  await expect(page.getByLabel('ID da página ou conta')).toHaveValue(ACME.id);

  await dropFile(page, 'follower_stats_20240602.csv', prototypeFile([['2024-06-01', 12, 3], ['2024-06-02', 7, null]]));
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-format')).toHaveText('Arquivo do protótipo (follower_stats)');
  await expect(preview.getByTestId('import-summary')).toHaveText('2 linhas lidas · 2 dias de ganhos · 0 totais de seguidores');
  const rows = preview.getByTestId('import-rows').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveText(['2024-06-01', '12', '3', '15', '—'].join(''));
  await snap(page, 'import-preview');

  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toHaveText('Importação concluída: 2 dia(s) novos ou alterados.');
  const written = await readFile(join(serve.home, 'lake', 'follower_gains', 'month=2024-06', `linkedin-${ACME.id}-import.csv`), 'utf8');
  expect(written.split('\n').slice(1, 3).map((line) => line.split(',').slice(0, 7).join(','))).toEqual([
    `2024-06-01,linkedin,${ACME.id},12,3,15,import`,
    `2024-06-02,linkedin,${ACME.id},7,,7,import`,
  ]);
  await snap(page, 'import-done');

  // A valid line followed by a bad one: the whole file is refused and the button stays off.
  const bad = `${HEADER}\r\nurn:li:organization:${ACME.id},2024-06-03,1,0\r\nurn:li:organization:${ACME.id},2024-06-31,2,0\r\n`;
  await dropFile(page, 'follower_stats_20240603.csv', bad);
  const rejections = page.getByTestId('import-rejections');
  await expect(rejections).toContainText('Arquivo recusado: 1 problema(s). Nada será gravado.');
  await expect(rejections).toContainText('follower_stats_20240603.csv · linha 3 "2024-06-31" não é uma data que exista');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await snap(page, 'import-rejected');
});

test('a generic spreadsheet with its own column names: name the columns, check again, import', async ({ page, serve }) => {
  await page.goto(`${serve.url}#/import`);
  await dropFile(page, 'planilha.csv', 'quando;quantos\r\n01/03/2024;1.200\r\n02/03/2024;1.207\r\n');
  await expect(page.getByTestId('import-rejections')).toContainText('nenhuma coluna de dia entre "quando", "quantos"');
  await expect(page.getByTestId('import-commit')).toBeDisabled();

  await page.getByText('Formato e colunas').click();
  await page.getByLabel('Coluna do dia').fill('quando');
  await page.getByLabel('Coluna de seguidores').fill('quantos');
  await page.getByRole('button', { name: 'Conferir de novo' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-summary')).toHaveText('2 linhas lidas · 0 dias de ganhos · 2 totais de seguidores');
  await expect(preview.getByTestId('import-rows').locator('tbody tr').nth(1)).toHaveText(['2024-03-02', '—', '—', '—', '1207'].join(''));
  await snap(page, 'import-generic-mapping');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toHaveText('Importação concluída: 2 dia(s) novos ou alterados.');
  const written = await readFile(join(serve.home, 'lake', 'follower_totals', 'month=2024-03', `linkedin-${ACME.id}-import.csv`), 'utf8');
  expect(written.split('\n')[2]).toMatch(new RegExp(`^2024-03-02,linkedin,${ACME.id},1207,import,`));
});
