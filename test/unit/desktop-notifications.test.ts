import { describe, expect, it } from 'vitest';
import { notificationFor, startFailureNotification } from '../../src/main/desktop/notifications';
import { accountResult, runRecord } from '../support/run-record-fixture';

const pages = [{ network: 'linkedin', id: '2414183', name: 'Acme' }];

describe('notificationFor', () => {
  it('stays quiet after a run that went well', () => {
    expect(notificationFor(runRecord({ status: 'success' }), 'pt-BR')).toBeNull();
    expect(notificationFor(runRecord({ status: 'up-to-date' }), 'en')).toBeNull();
  });

  it('failed run: what happened and what to do, from the error code (pt-BR)', () => {
    const record = runRecord({ status: 'failed', error: { code: 'LINKEDIN_TOKEN_EXPIRED', message: 'HTTP 401 expired' }, accounts: [] });
    expect(notificationFor(record, 'pt-BR', pages)).toEqual({
      title: 'A sincronização falhou',
      body: 'O token de acesso do LinkedIn expirou. Gere um novo em Configurações › LinkedIn (Entrar com o LinkedIn).',
      runId: record.runId,
    });
  });

  it('failed run of one page names the page (English)', () => {
    const record = runRecord({
      status: 'failed',
      accounts: [accountResult({ error: { code: 'LINKEDIN_PERMISSION_DENIED', message: '403' } })],
    });
    const note = notificationFor(record, 'en', pages);
    expect(note?.title).toBe('Sync failed');
    expect(note?.body.startsWith("Acme: LinkedIn refused access to the page's statistics.")).toBe(true);
  });

  it('partial run notifies too, naming the page that failed; an unnamed page gets network and id', () => {
    const record = runRecord({
      status: 'partial',
      accounts: [accountResult(), accountResult({ accountId: '999', error: { code: 'NETWORK', message: 'ECONNRESET' } })],
    });
    const note = notificationFor(record, 'pt-BR', pages);
    expect(note?.title).toBe('Sincronização com falhas');
    expect(note?.body.startsWith('LinkedIn 999: ')).toBe(true);
  });

  it('no-data run: the day and the page named, both languages', () => {
    const record = runRecord({ status: 'no-data', accounts: [accountResult({ missingDays: ['2026-11-24', '2026-11-25'] })] });
    expect(notificationFor(record, 'pt-BR', pages)).toMatchObject({
      title: 'Sem dados para 25/11/2026',
      body: 'O LinkedIn não entregou os dados de seguidores de 25/11/2026 da página Acme. A próxima sincronização pede esse dia de novo sozinha.',
    });
    expect(notificationFor(record, 'en', pages)).toMatchObject({
      title: 'No data for 25 Nov 2026',
      body: 'LinkedIn returned no follower data for 25 Nov 2026 for the page Acme. The next sync asks for it again by itself.',
    });
  });

  it('an unknown error code from an older run still gives a sentence, never a throw', () => {
    const record = runRecord({ status: 'failed', error: { code: 'SOMETHING_NEW' as never, message: '' } });
    expect(notificationFor(record, 'en')?.body).toBe('Something went wrong. See the Run history and the logs for details.');
  });

  it('"Sync now" refused: the code explained', () => {
    expect(startFailureNotification('LOCK_HELD', 'en').title).toBe('Sync already running');
    expect(startFailureNotification('LOCK_HELD', 'pt-BR').body).toMatch(/\.$/);
  });
});
