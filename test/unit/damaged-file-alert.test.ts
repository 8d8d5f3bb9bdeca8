import { describe, expect, it } from 'vitest';
import { decideAlerts, type AlertContext } from '../../src/main/engine/alerts/alert-decisions';
import { composeAlert } from '../../src/main/engine/alerts/alert-messages';
import { damagedFileWarning } from '../../src/main/engine/lake/damaged-files';
import { defaultSettings } from '../../src/shared/settings-schema';
import { runRecord } from '../support/run-record-fixture';

/** Issue 9 item 7: the alert e-mail mentions a damaged month file the run left alone. */
const FILE = '/srv/fp/lake/follower_gains/month=2026-03/linkedin-2414183-api.csv';
const record = runRecord({
  warnings: [damagedFileWarning({ key: 'follower_gains/month=2026-03/linkedin-2414183-api.csv', path: FILE, month: '2026-03', problem: 'line 4: 1 fields instead of 8' })],
});

function ctx(overrides: Partial<AlertContext> = {}): AlertContext {
  return { settings: defaultSettings(), accountNames: {}, alertsSent: {}, today: '2026-11-28', ...overrides };
}

describe('a damaged lake file in the run record', () => {
  it('makes one alert a day, naming the file', () => {
    const alerts = decideAlerts(record, ctx());
    const damaged = alerts.filter((a) => a.kind === 'damaged-file');
    expect(damaged).toHaveLength(1);
    expect(damaged[0].keys).toEqual([`damaged-file:${FILE}`]);
    expect(decideAlerts(record, ctx({ alertsSent: { [`damaged-file:${FILE}`]: '2026-11-28' } })).filter((a) => a.kind === 'damaged-file')).toEqual([]);
    expect(decideAlerts(record, ctx({ settings: { ...defaultSettings(), alerts: { ...defaultSettings().alerts, onFailure: false } } })).filter((a) => a.kind === 'damaged-file')).toEqual([]);
  });

  it('the e-mail names the file and the fix, in Portuguese and English', () => {
    const alert = decideAlerts(record, ctx()).find((a) => a.kind === 'damaged-file')!;
    const pt = composeAlert(alert, { language: 'pt-BR', appName: 'Follower Pulse' });
    expect(pt.subject).toContain('danificado');
    expect(pt.text).toContain(FILE);
    expect(pt.text).toContain('follower-pulse sync --from 2026-03-01 --to 2026-03-31');
    expect(pt.text).toContain('follower-pulse mirror');
    const en = composeAlert(alert, { language: 'en', appName: 'Follower Pulse' });
    expect(en.subject).toContain('damaged');
    expect(en.html).toContain(FILE);
  });
});
