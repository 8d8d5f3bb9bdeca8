import { describe, expect, it } from 'vitest';
import { MAX_SECRET_CHARS, MAX_SQL_CHARS, parseUiRequest, UI_REQUEST_SCHEMAS } from '../../src/shared/ui-api-schemas';
import { UI_METHODS, type UiMethod } from '../../src/shared/ui-api';

const VOID_METHODS: UiMethod[] = [
  'app.info',
  'settings.get',
  'secrets.status',
  'linkedin.checkToken',
  'linkedin.discoverPages',
  'linkedin.startSignIn',
  'linkedin.signInState',
  'accounts.list',
  'sync.progress',
  'scheduler.state',
  'lake.coverage',
  'data.previews',
  'doctor.run',
  'alerts.sendTest',
];

function issues(method: UiMethod, request: unknown): { path: string; message: string }[] {
  const r = parseUiRequest(method, request);
  if (r.ok) throw new Error(`expected ${method} to refuse ${JSON.stringify(request)?.slice(0, 80)}`);
  return r.issues ?? [];
}

function value(method: UiMethod, request: unknown): unknown {
  const r = parseUiRequest(method, request);
  if (!r.ok) throw new Error(`${method}: ${r.message}`);
  return r.value;
}

describe('UI request schemas', () => {
  it('has exactly one schema per UI method', () => {
    expect(Object.keys(UI_REQUEST_SCHEMAS).sort()).toEqual([...UI_METHODS].sort());
  });

  it('methods without a request accept nothing, null or {} (HTTP sends {}) and refuse anything else', () => {
    for (const method of VOID_METHODS) {
      for (const empty of [undefined, null, {}]) expect(parseUiRequest(method, empty), method).toEqual({ ok: true, value: undefined });
      expect(issues(method, { x: 1 })[0].message).toContain('Unrecognized key');
      expect(parseUiRequest(method, 'text').ok).toBe(false);
    }
  });

  it('secrets.set: a known name, a value of 1..4096 characters (trimmed), never echoed in a message', () => {
    expect(value('secrets.set', { name: 'linkedin.accessToken', value: '  tok-123\n' })).toEqual({ name: 'linkedin.accessToken', value: 'tok-123' });
    expect(value('secrets.set', { name: 'smtp.password', value: 'p'.repeat(MAX_SECRET_CHARS) })).toBeTruthy();
    const secret = `s3cr3t-${'q'.repeat(MAX_SECRET_CHARS)}`;
    const refused = parseUiRequest('secrets.set', { name: 'smtp.password', value: secret });
    expect(refused).toMatchObject({ ok: false, code: 'USAGE', issues: [{ path: 'value' }] });
    expect(JSON.stringify(refused)).not.toContain('s3cr3t');
    expect(issues('secrets.set', { name: 'smtp.password', value: '   ' })).toEqual([{ path: 'value', message: 'the value is empty' }]);
    expect(issues('secrets.set', { name: 'aws.secret', value: 'x' })[0].path).toBe('name');
    expect(issues('secrets.set', { name: 'smtp.password', value: 'x', extra: 1 })[0].message).toContain('Unrecognized key');
    expect(issues('secrets.clear', { name: 'nope' })[0].path).toBe('name');
  });

  it('data.query: SQL up to 20 000 characters, an engine, a bounded maxRows', () => {
    expect(value('data.query', { sql: 'S'.repeat(MAX_SQL_CHARS), engine: 'local' })).toBeTruthy();
    expect(issues('data.query', { sql: 'S'.repeat(MAX_SQL_CHARS + 1), engine: 'local' })[0].path).toBe('sql');
    expect(issues('data.query', { sql: '  ', engine: 'local' })[0].message).toBe('the query is empty');
    expect(issues('data.query', { sql: 'SELECT 1', engine: 'postgres' })[0].path).toBe('engine');
    expect(issues('data.query', { sql: 'SELECT 1', engine: 'athena', maxRows: 0 })[0].path).toBe('maxRows');
    expect(issues('data.query', { sql: 'SELECT 1', engine: 'athena', maxRows: 1.5 })[0].path).toBe('maxRows');
  });

  describe('settings.update (derived from the settings schema)', () => {
    it('accepts a nested partial patch and adds no defaults to it', () => {
      expect(value('settings.update', { linkedin: { lagDays: 5 } })).toEqual({ linkedin: { lagDays: 5 } });
      expect(value('settings.update', { s3: { prototypeCompat: { enabled: true } } })).toEqual({ s3: { prototypeCompat: { enabled: true } } });
      expect(value('settings.update', { linkedin: { clientId: null } })).toEqual({ linkedin: { clientId: null } });
      expect(value('settings.update', {})).toEqual({});
    });

    it('replaces arrays whole, with the element schema (and its defaults)', () => {
      expect(value('settings.update', { accounts: [{ network: 'linkedin', id: '1' }] })).toEqual({ accounts: [{ network: 'linkedin', id: '1', name: '', enabled: true }] });
      expect(issues('settings.update', { accounts: [{ network: 'myspace', id: '1' }] })[0].path).toBe('accounts.0.network');
    });

    it('answers SETTINGS_INVALID with one issue per bad key, misspelt keys included', () => {
      const r = parseUiRequest('settings.update', { linkedin: { lagDays: 'x', lagdays: 3 }, schedule: { dailyAt: '25:00' } });
      expect(r).toMatchObject({ ok: false, code: 'SETTINGS_INVALID' });
      expect(issues('settings.update', { linkedin: { lagDays: 'x', lagdays: 3 }, schedule: { dailyAt: '25:00' } }).map((i) => i.path).sort()).toEqual([
        'linkedin',
        'linkedin.lagDays',
        'schedule.dailyAt',
      ]);
    });

    it('refuses prototype keys, over-long strings and huge arrays', () => {
      expect(issues('settings.update', JSON.parse('{"__proto__": {"polluted": true}}'))[0].message).toContain('Unrecognized key');
      expect(issues('settings.update', JSON.parse('{"linkedin": {"constructor": {}}}'))[0].path).toBe('linkedin');
      expect(issues('settings.update', { s3: { bucket: 'b'.repeat(3000) } })).toEqual([{ path: 's3.bucket', message: 'expected ≤ 2048 characters' }]);
      expect(issues('settings.update', { alerts: { smtp: { to: Array.from({ length: 501 }, () => 'a@b.co') } } })[0].path).toBe('alerts.smtp.to');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('refuses a patch that is not an object', () => {
      expect(parseUiRequest('settings.update', [1, 2]).ok).toBe(false);
      expect(parseUiRequest('settings.update', null).ok).toBe(false);
    });
  });

  it('accounts: a typed id is trimmed and left to its network to validate; other ids by pattern', () => {
    expect(value('accounts.add', { network: 'linkedin', id: ' urn:li:organization:2414183 ' })).toEqual({ network: 'linkedin', id: 'urn:li:organization:2414183' });
    expect(value('accounts.add', { network: 'linkedin', id: '2414183', name: 'Acme' })).toEqual({ network: 'linkedin', id: '2414183', name: 'Acme' });
    expect(issues('accounts.add', { network: 'linkedin', id: '  ' })[0].path).toBe('id');
    expect(issues('accounts.add', { network: 'myspace', id: '1' })[0].path).toBe('network');
    expect(issues('accounts.remove', { network: 'linkedin', id: '../x' })[0].path).toBe('id');
    expect(issues('accounts.setEnabled', { network: 'linkedin', id: '1', enabled: 'yes' })[0].path).toBe('enabled');
  });

  it('sync.start: real dates, given together, in order', () => {
    expect(value('sync.start', {})).toEqual({});
    expect(value('sync.start', { accountId: '2414183', from: '2026-01-01', to: '2026-01-31' })).toEqual({ accountId: '2414183', from: '2026-01-01', to: '2026-01-31' });
    expect(issues('sync.start', { from: '2026-02-30', to: '2026-03-01' })[0]).toEqual({ path: 'from', message: 'expected a date YYYY-MM-DD' });
    expect(issues('sync.start', { from: '2026-01-01' })).toEqual([{ path: 'to', message: 'from and to go together' }]);
    expect(issues('sync.start', { from: '2026-02-01', to: '2026-01-01' })).toEqual([{ path: 'from', message: 'from is after to' }]);
  });

  it('runs: bounded limit, known status, run ids by pattern', () => {
    expect(value('runs.list', { limit: 20, status: 'failed' })).toEqual({ limit: 20, status: 'failed' });
    expect(issues('runs.list', { limit: 100_000 })[0].path).toBe('limit');
    expect(issues('runs.list', { status: 'exploded' })[0].path).toBe('status');
    expect(value('runs.get', { runId: '20261128T070001Z-3f9a' })).toEqual({ runId: '20261128T070001Z-3f9a' });
    expect(issues('runs.get', { runId: '../../etc' })[0].path).toBe('runId');
  });
});
