import type { Page } from '@playwright/test';
import { ACME } from './support/fake-linkedin-setup';
import { expect, test } from './support/fixtures';
import { snap } from './support/screenshots';

/**
 * A Brazilian analyst sees no English: every pt-BR view is read as a person would (visible text
 * plus the labels a screen reader speaks) and checked against English words and ISO timestamps.
 * Brand names (LinkedIn, Follower Pulse, AWS, S3, Athena, SMTP) and what the user typed or the
 * engine's raw words behind "Detalhe técnico" are not the UI's words and are left out.
 */
const ENGLISH: readonly RegExp[] = [
  /\bfetch(ing|ed)?\b/i,
  /\bdays?\b/i,
  /\bwritten\b/i,
  /\bmissing\b/i,
  /\bfail(ed|ure)?\b/i,
  /\berrors?\b/i,
  /\bsettings\b(?!\.json)/i,
  /\bpages?\b/i,
  /\bruns?\b/i,
  /\bsync(ing|ed)?\b/i,
  /\btoken (has )?expired\b/i,
  /\btechnical detail\b/i,
  /\brows?\b/i,
  /\bfollowers\b/i,
  /\bloading\b/i,
  /\bsuccess\b/i,
  /\bpartial(ly)?\b/i,
  /\bup to date\b/i,
  /\bwhat to do\b/i,
  /\bstarted\b/i,
  /\bduration\b/i,
  /\bwarning\b/i,
  /\bsign in\b/i,
  /\bexpire[sd]\b/i,
  /\bnext\b/i,
  /\b(week|month)ly?\b/i,
  /\bsponsored\b/i,
  /\bcoverage\b/i,
  /\b(save|cancel|close|retry)\b/i,
  /\blanguage\b/i,
  /\bschedule\b/i,
  /\bnone\b/i,
  /\bno data\b/i,
  /\b(today|yesterday|tomorrow)\b/i,
];
const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** What the reader sees and hears: visible text nodes and aria-label/placeholder, outside code and typed SQL. */
async function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = 'pre, code, textarea, script, style, [lang="en"]';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || parent.closest(skip) || !parent.checkVisibility()) continue;
      out.push(text);
    }
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('[aria-label], [placeholder]'))) {
      if (element.closest(skip)) continue;
      for (const name of ['aria-label', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) out.push(value);
      }
    }
    return out;
  });
}

async function expectNoEnglish(page: Page, view: string): Promise<void> {
  const texts = await readableText(page);
  expect(texts.length, `${view}: nothing read`).toBeGreaterThan(5);
  const offenders = texts.flatMap((text) => [...ENGLISH, ISO_TIMESTAMP].filter((re) => re.test(text)).map((re) => `${re.source} in “${text}”`));
  expect(offenders, `${view} shows English or an ISO timestamp`).toEqual([]);
}

const GAPS = ['2026-03-10', '2026-03-11', '2026-08-02'];
const GHOST = { id: '777000', name: 'Página Sem Acesso' };

test.describe('a synced home with a failed and a partial run', () => {
  test.use({ missingDays: GAPS });

  test('runs, both run details, data, every table and settings are all Portuguese', async ({ page, fake, api }) => {
    // A page the token does not administer: it fails while Acme Ltda syncs, so the run is partial.
    await api.value('accounts.add', { network: 'linkedin', id: GHOST.id, name: GHOST.name });
    await api.syncAndWait();
    // Then an expired token fails a whole run (last, so no queued failure leaks into the other).
    fake.failNext('expired', 10);
    await api.syncAndWait();
    await page.reload();
    await page.getByRole('link', { name: 'Execuções' }).click();

    const rows = page.getByTestId('run-row');
    await expect(rows).toHaveCount(3);
    await expectNoEnglish(page, 'runs');
    await snap(page, 'pt-br-runs');

    const row = (status: string) => rows.filter({ has: page.locator(`[data-status="${status}"]`) }).first();
    await row('failed').click();
    const detail = page.getByTestId('run-detail');
    await expect(detail.getByTestId('run-error')).toContainText('Token do LinkedIn expirado');
    await expect(detail.getByTestId('run-error').getByTestId('error-detail').locator('summary')).toHaveText('Detalhe técnico');
    await expect(detail.getByTestId('run-error').getByText(/LINKEDIN_TOKEN_EXPIRED ·/)).toBeHidden();
    await expectNoEnglish(page, 'failed run detail');
    await snap(page, 'pt-br-run-detail-failed');
    // The engine's own words are one click away, for support.
    await detail.getByTestId('run-error').getByText('Detalhe técnico').click();
    await expect(detail.getByTestId('run-error').getByText(/LINKEDIN_TOKEN_EXPIRED ·/)).toBeVisible();

    await row('partial').click();
    const ghost = detail.getByTestId('account-result').filter({ hasText: GHOST.name });
    await expect(detail.getByTestId('run-error')).toContainText('Sem permissão no LinkedIn');
    await expect(ghost.getByTestId('error-what')).toHaveText('O LinkedIn negou acesso às estatísticas da página.');
    await expect(ghost.getByTestId('error-detail').locator('summary')).toHaveText('Detalhe técnico');
    await expect(detail.getByTestId('account-result').filter({ hasText: ACME.name })).toContainText('ok');
    await expectNoEnglish(page, 'partial run detail');
    await snap(page, 'pt-br-run-detail-partial');

    await page.getByRole('link', { name: 'Dados' }).click();
    await expect(page.getByTestId('page-coverage').first()).toContainText(ACME.name);
    await expect(page.getByTestId('previews').getByRole('table')).toBeVisible();
    await expectNoEnglish(page, 'data');
    await snap(page, 'pt-br-data');

    const previews = page.getByTestId('previews');
    const tabs = previews.getByRole('tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i += 1) {
      const tab = tabs.nth(i);
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(previews.getByRole('table').or(previews.getByTestId('failure'))).toBeVisible();
      await expect(previews.getByRole('status')).toHaveCount(0);
      await expectNoEnglish(page, `table “${await tab.innerText()}”`);
    }
    // Sync runs: a column label, a local date with seconds and a worded status.
    await previews.getByRole('tab', { name: 'Sincronizações' }).click();
    await expect(previews.getByRole('columnheader', { name: 'Situação' })).toBeVisible();
    await expect(previews.getByRole('table')).toContainText('Parcial');
    await expect(previews.getByRole('table')).toContainText(/\d{2}\/\d{2}\/2026 \d{2}:\d{2}:\d{2}/);
    await snap(page, 'pt-br-table-sync-runs');

    await page.getByRole('link', { name: 'Configurações' }).click();
    await expect(page.getByRole('heading', { name: 'Configurações', level: 1 })).toBeVisible();
    await expectNoEnglish(page, 'settings');
    await snap(page, 'pt-br-settings');
    // "Testar conexão": each check worded from its id and status, not the engine's English line.
    await page.getByTestId('settings-aws').getByRole('button', { name: 'Testar conexão' }).click();
    const checklist = page.getByTestId('doctor-checklist');
    await expect(checklist).toContainText('Pasta de dados local');
    await expect(checklist).toContainText('O envio ao S3 está desligado.');
    await expectNoEnglish(page, 'settings: connection test');
    await snap(page, 'pt-br-settings-doctor');

    // The same views in English, for a person to compare the screenshots.
    await api.value('settings.update', { language: 'en' });
    await page.goto(`${page.url().split('#')[0]}#/runs`);
    await expect(page.getByRole('heading', { name: 'Run history' })).toBeVisible();
    await expect(rows.first()).toContainText(/[A-Z][a-z]{2} \d{1,2}, 2026, \d{1,2}:\d{2}:\d{2} [AP]M/);
    await row('partial').click();
    await expect(ghost.getByTestId('error-detail').locator('summary')).toHaveText('Technical detail');
    await snap(page, 'en-run-detail-partial');
    await page.getByRole('link', { name: 'Data' }).click();
    await expect(page.getByTestId('page-coverage').first()).toContainText('12,480');
    await previews.getByRole('tab', { name: 'New followers' }).click();
    await expect(previews.getByRole('columnheader', { name: 'Organic' })).toBeVisible();
    await snap(page, 'en-data');
  });
});

test('the live progress line is Portuguese', async ({ page, fake }) => {
  // The line is worded from the runner's `text` ({ key, params }), not its English `message`.
  fake.setLatency(1500);
  await page.getByRole('link', { name: 'Execuções' }).click();
  await page.getByRole('button', { name: 'Sincronizar agora' }).click();
  const line = page.getByTestId('sync-message');
  await expect(line).toContainText(/buscando \d+ dias? \(\d{2}\/\d{2}\/\d{4}/);
  await expectNoEnglish(page, 'sync running');
  await snap(page, 'pt-br-sync-running');
});

test.describe('an invalid settings.json', () => {
  test.use({ preset: 'broken-settings' });

  test('the banner names the keys and says what is wrong in Portuguese', async ({ page }) => {
    const banner = page.getByTestId('settings-problem');
    await expect(banner).toContainText('schedule.dailyAt');
    await expect(banner).toContainText('Use o formato HH:MM, de 00:00 a 23:59.');
    await expect(banner).toContainText('Use um número de porta de 1 a 65535.');
    await expectNoEnglish(page, 'settings problem');
    await snap(page, 'pt-br-settings-problem');
  });
});

test.describe('a new install', () => {
  test.use({ preset: 'fresh' });

  test('the welcome steps are all Portuguese', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'Boas-vindas ao Follower Pulse' })).toBeVisible();
    await expectNoEnglish(page, 'welcome: language');
    await page.getByText('Português (Brasil)').click();
    await page.getByRole('button', { name: 'Continuar' }).click();

    await expect(page.getByRole('heading', { name: 'Conecte o LinkedIn' })).toBeVisible();
    await expectNoEnglish(page, 'welcome: LinkedIn');
    await page.getByRole('textbox', { name: 'Token de acesso' }).fill('test-token');
    await page.getByRole('button', { name: 'Salvar e verificar' }).click();
    await expect(page.getByTestId('token-check')).toContainText('Token válido');
    await expectNoEnglish(page, 'welcome: token checked');
    await page.getByRole('button', { name: 'Continuar' }).click();

    await expect(page.getByRole('heading', { name: 'Escolha as páginas' })).toBeVisible();
    await page.getByRole('checkbox', { name: new RegExp(ACME.name) }).check();
    await expectNoEnglish(page, 'welcome: pages');
    await page.getByRole('button', { name: 'Acompanhar e continuar' }).click();

    await expect(page.getByRole('heading', { name: 'Outras redes (opcional)' })).toBeVisible();
    await expectNoEnglish(page, 'welcome: other networks');
    await page.getByRole('button', { name: 'Pular esta etapa' }).click();

    // The first sync ends in the run history with its run open; checked once finished, since the
    // live line is worded from the runner's `text`, which engines before it fall back from.
    await expect(page.getByRole('heading', { name: 'Histórico de execuções' })).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId('run-detail')).toContainText(ACME.name);
    await expectNoEnglish(page, 'welcome: after the first sync');
    await snap(page, 'pt-br-welcome-done');
  });
});
