import { describe, expect, it } from 'vitest';
import {
  type AlertContext,
  decideAlerts,
  type FailureAlert,
  markAlertsSent,
  newestSettledDay,
  type NoDataAlert,
  type TokenExpiryAlert,
  type VersionSunsetAlert,
} from '../../src/main/engine/alerts/alert-decisions';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import { versionWarnings, tokenExpiryWarnings } from '../../src/main/engine/sources/linkedin/linkedin-warnings';
import { accountResult, NEWEST_DAY, noDataRecord, RUN_STARTED_AT, runRecord, tokenExpiredRecord } from '../support/run-record-fixture';

const TODAY = '2026-11-28';

function settings(alerts: Partial<Settings['alerts']> = {}): Settings {
  const s = defaultSettings();
  s.accounts = [
    { network: 'linkedin', id: '2414183', name: 'Acme', enabled: true },
    { network: 'linkedin', id: '777', name: 'Beta', enabled: true },
  ];
  s.alerts = { ...s.alerts, ...alerts };
  return s;
}

function ctx(overrides: Partial<AlertContext> = {}): AlertContext {
  return { settings: settings(), accountNames: {}, alertsSent: {}, today: TODAY, ...overrides };
}

describe('decideAlerts — no data', () => {
  it('names the page and the newest available day, with a per-page-and-day key', () => {
    const alerts = decideAlerts(noDataRecord(), ctx({ accountNames: { 'linkedin:2414183': 'Acme Brasil' } }));
    expect(alerts).toEqual<NoDataAlert[]>([
      {
        kind: 'no-data',
        keys: ['no-data:linkedin:2414183:2026-11-25'],
        runId: '20261128T070001Z-3f9a',
        day: NEWEST_DAY,
        pages: [{ network: 'linkedin', accountId: '2414183', name: 'Acme Brasil' }],
      },
    ]);
  });

  it('falls back to the name in settings, then to none', () => {
    expect((decideAlerts(noDataRecord(), ctx())[0] as NoDataAlert).pages[0]?.name).toBe('Acme');
    expect((decideAlerts(noDataRecord('999'), ctx())[0] as NoDataAlert).pages[0]?.name).toBe('');
  });

  it('groups every page missing the same day into one alert', () => {
    const record = runRecord({
      status: 'no-data',
      accounts: [accountResult({ missingDays: [NEWEST_DAY] }), accountResult({ accountId: '777', missingDays: ['2026-11-20', NEWEST_DAY] })],
    });
    const [alert] = decideAlerts(record, ctx()) as NoDataAlert[];
    expect(alert?.pages.map((p) => p.name)).toEqual(['Acme', 'Beta']);
    expect(alert?.keys).toEqual(['no-data:linkedin:2414183:2026-11-25', 'no-data:linkedin:777:2026-11-25']);
  });

  it('alerts for a healthy page missing the newest day even when another page failed (partial)', () => {
    const error = { code: 'LINKEDIN_NOT_FOUND' as const, message: 'Beta: not found' };
    const record = runRecord({
      status: 'partial',
      accounts: [accountResult({ missingDays: [NEWEST_DAY] }), accountResult({ accountId: '777', error })],
      error,
    });
    const kinds = decideAlerts(record, ctx()).map((a) => a.kind);
    expect(kinds).toEqual(['failure', 'no-data']);
  });

  it('older gaps alone are not a no-data alert', () => {
    const record = runRecord({ accounts: [accountResult({ missingDays: ['2026-11-20'] })] });
    expect(decideAlerts(record, ctx())).toEqual([]);
  });

  it('the newest day is judged from the run start, not from when alerts are sent', () => {
    expect(newestSettledDay({ startedAt: '2026-11-28T23:59:59Z' }, { settings: settings(), today: '2026-11-29' })).toBe(NEWEST_DAY);
    expect(decideAlerts(noDataRecord(), ctx({ today: '2026-11-29' }))).toHaveLength(1);
  });

  it('a no-data record whose day differs from ours still alerts on the page’s newest missing day', () => {
    const record = noDataRecord('2414183', '2026-11-24');
    const [alert] = decideAlerts(record, ctx()) as NoDataAlert[];
    expect(alert?.day).toBe('2026-11-24');
  });

  it('respects alerts.onNoData = false', () => {
    expect(decideAlerts(noDataRecord(), ctx({ settings: settings({ onNoData: false }) }))).toEqual([]);
  });

  it('nothing to say about a successful or up-to-date run', () => {
    expect(decideAlerts(runRecord(), ctx())).toEqual([]);
    expect(decideAlerts(runRecord({ status: 'up-to-date' }), ctx())).toEqual([]);
  });
});

describe('decideAlerts — failure', () => {
  it('a failed run gives a failure alert keyed by the error code, naming the page', () => {
    const [alert] = decideAlerts(tokenExpiredRecord(), ctx()) as FailureAlert[];
    expect(alert?.kind).toBe('failure');
    expect(alert?.keys).toEqual(['failure:LINKEDIN_TOKEN_EXPIRED']);
    expect(alert?.status).toBe('failed');
    expect(alert?.runDay).toBe(TODAY);
    // The record's run-wide error repeats the account's, so it is listed once.
    expect(alert?.problems).toEqual([
      { code: 'LINKEDIN_TOKEN_EXPIRED', message: expect.stringContaining('expired on 2026-11-20') as string, page: { network: 'linkedin', accountId: '2414183', name: 'Acme' } },
    ]);
  });

  it('a run-wide failure (S3) is a problem without a page', () => {
    const record = runRecord({ status: 'partial', destinations: ['local', 's3'], error: { code: 'S3_ACCESS_DENIED', message: 'Access Denied' } });
    const [alert] = decideAlerts(record, ctx()) as FailureAlert[];
    expect(alert?.problems).toEqual([{ code: 'S3_ACCESS_DENIED', message: 'Access Denied', page: null }]);
    expect(alert?.status).toBe('partial');
  });

  it('lists each distinct code once per day', () => {
    const a = { code: 'LINKEDIN_TOKEN_EXPIRED' as const, message: 'Acme: expired' };
    const b = { code: 'LINKEDIN_NOT_FOUND' as const, message: 'Beta: not found' };
    const record = runRecord({ status: 'failed', accounts: [accountResult({ error: a }), accountResult({ accountId: '777', error: b })], error: a });
    const [alert] = decideAlerts(record, ctx({ alertsSent: { 'failure:LINKEDIN_TOKEN_EXPIRED': TODAY } })) as FailureAlert[];
    expect(alert?.problems.map((p) => p.code)).toEqual(['LINKEDIN_NOT_FOUND']);
    expect(alert?.keys).toEqual(['failure:LINKEDIN_NOT_FOUND']);
  });

  it('respects alerts.onFailure = false', () => {
    expect(decideAlerts(tokenExpiredRecord(), ctx({ settings: settings({ onFailure: false }) }))).toEqual([]);
  });
});

describe('decideAlerts — de-duplication', () => {
  it('skips a key already sent today and alerts again the next day', () => {
    const sent = { 'no-data:linkedin:2414183:2026-11-25': TODAY };
    expect(decideAlerts(noDataRecord(), ctx({ alertsSent: sent }))).toEqual([]);
    expect(decideAlerts(noDataRecord(), ctx({ alertsSent: { 'no-data:linkedin:2414183:2026-11-25': '2026-11-27' } }))).toHaveLength(1);
    expect(decideAlerts(tokenExpiredRecord(), ctx({ alertsSent: { 'failure:LINKEDIN_TOKEN_EXPIRED': TODAY } }))).toEqual([]);
  });

  it('keeps only the pages not yet alerted today', () => {
    const record = runRecord({
      status: 'no-data',
      accounts: [accountResult({ missingDays: [NEWEST_DAY] }), accountResult({ accountId: '777', missingDays: [NEWEST_DAY] })],
    });
    const [alert] = decideAlerts(record, ctx({ alertsSent: { 'no-data:linkedin:2414183:2026-11-25': TODAY } })) as NoDataAlert[];
    expect(alert?.pages.map((p) => p.accountId)).toEqual(['777']);
  });

  it('markAlertsSent records today and forgets entries older than 30 days', () => {
    const next = markAlertsSent({ 'no-data:linkedin:1:2026-10-01': '2026-10-01', 'failure:NETWORK': '2026-11-20', junk: 'x' }, ['failure:NETWORK', 'a'], TODAY);
    expect(next).toEqual({ 'failure:NETWORK': TODAY, a: TODAY });
  });
});

describe('decideAlerts — token expiry', () => {
  const now = new Date(RUN_STARTED_AT);

  it('from the run warning when the token is close to expiry, saying whether the date is an estimate', () => {
    const token = { storedAt: '2026-10-04T10:00:00Z', expiresAt: '2026-12-03T10:00:00Z', expiresAtIsEstimate: true };
    const record = runRecord({ warnings: tokenExpiryWarnings(token, 10, now) });
    const alerts = decideAlerts(record, ctx());
    expect(alerts).toEqual<TokenExpiryAlert[]>([
      { kind: 'token-expiry', keys: ['token-expiry:linkedin:expires-soon'], runId: record.runId, expired: false, expiresOn: '2026-12-03', daysLeft: 5, isEstimate: true, storedOn: null },
    ]);
  });

  it('from tokenInfo alone within tokenExpiryWarningDays, with the day it was stored', () => {
    const tokenInfo = { storedAt: '2026-10-04T10:00:00Z', expiresAt: '2026-12-03T10:00:00Z', expiresAtIsEstimate: true };
    const [alert] = decideAlerts(runRecord(), ctx({ tokenInfo })) as TokenExpiryAlert[];
    expect(alert).toMatchObject({ expired: false, expiresOn: '2026-12-03', daysLeft: 5, isEstimate: true, storedOn: '2026-10-04' });
    expect(decideAlerts(runRecord(), ctx({ tokenInfo, settings: settings({ tokenExpiryWarningDays: 4 }) }))).toEqual([]);
  });

  it('an expired token (warning) is its own condition', () => {
    const record = runRecord({ warnings: [{ code: 'LINKEDIN_TOKEN_EXPIRED', message: 'The LinkedIn access token expired on 2026-11-20. Renew it in Settings › LinkedIn.' }] });
    const [alert] = decideAlerts(record, ctx()) as TokenExpiryAlert[];
    expect(alert).toMatchObject({ keys: ['token-expiry:linkedin:expired'], expired: true, expiresOn: '2026-11-20', daysLeft: -8, isEstimate: false });
  });

  it('is not mailed twice when the run already failed on the expired token', () => {
    const record = { ...tokenExpiredRecord(), warnings: [{ code: 'LINKEDIN_TOKEN_EXPIRED', message: 'The LinkedIn access token expired on 2026-11-20.' }] };
    expect(decideAlerts(record, ctx()).map((a) => a.kind)).toEqual(['failure']);
    // …unless failure alerts are off.
    expect(decideAlerts(record, ctx({ settings: settings({ onFailure: false }) })).map((a) => a.kind)).toEqual(['token-expiry']);
  });

  it('a token far from expiry says nothing', () => {
    expect(decideAlerts(runRecord(), ctx({ tokenInfo: { expiresAt: '2027-01-30T00:00:00Z' } }))).toEqual([]);
  });
});

describe('decideAlerts — API version', () => {
  it('a fallback names the configured version and the one used', () => {
    const record = runRecord({ warnings: versionWarnings('202511', '202602', new Date(RUN_STARTED_AT)) });
    const alerts = decideAlerts(record, ctx());
    expect(alerts).toEqual<VersionSunsetAlert[]>([
      { kind: 'version-sunset', keys: ['version-sunset:linkedin:202511:fallback'], runId: record.runId, fallback: true, configured: '202511', used: '202602', sunsetOn: '2026-11-15' },
    ]);
  });

  it('a version close to its sunset is one condition per day', () => {
    const record = runRecord({ warnings: versionWarnings('202512', null, new Date(RUN_STARTED_AT)) });
    const [alert] = decideAlerts(record, ctx()) as VersionSunsetAlert[];
    expect(alert).toMatchObject({ fallback: false, configured: '202512', used: '202512', sunsetOn: '2026-12-15' });
    expect(decideAlerts(record, ctx({ alertsSent: { 'version-sunset:linkedin:202512:sunset-soon': TODAY } }))).toEqual([]);
  });
});
