import { describe, expect, it } from 'vitest';
import { resolveHome, resolveLakeDir } from '../../src/main/engine/settings/home';
import { defaultSettings } from '../../src/shared/settings-schema';

const linux = { platform: 'linux' as const, homedir: '/home/ana', env: {} };
const mac = { platform: 'darwin' as const, homedir: '/Users/ana', env: {} };
const win = { platform: 'win32' as const, homedir: 'C:\\Users\\ana', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' } };

describe('resolveHome: the folder Electron would use as userData', () => {
  it('Linux: ~/.config/Follower Pulse by default', () => {
    expect(resolveHome(linux)).toBe('/home/ana/.config/Follower Pulse');
  });

  it('Linux: $XDG_CONFIG_HOME/Follower Pulse when set, ignoring an empty value', () => {
    expect(resolveHome({ ...linux, env: { XDG_CONFIG_HOME: '/srv/cfg' } })).toBe('/srv/cfg/Follower Pulse');
    expect(resolveHome({ ...linux, env: { XDG_CONFIG_HOME: '' } })).toBe('/home/ana/.config/Follower Pulse');
  });

  it('other Unix platforms follow the Linux rule', () => {
    expect(resolveHome({ ...linux, platform: 'freebsd' })).toBe('/home/ana/.config/Follower Pulse');
  });

  it('macOS: ~/Library/Application Support/Follower Pulse (XDG is ignored)', () => {
    expect(resolveHome({ ...mac, env: { XDG_CONFIG_HOME: '/x' } })).toBe('/Users/ana/Library/Application Support/Follower Pulse');
  });

  it('Windows: %APPDATA%\\Follower Pulse, falling back to the profile when APPDATA is unset', () => {
    expect(resolveHome(win)).toBe('C:\\Users\\ana\\AppData\\Roaming\\Follower Pulse');
    expect(resolveHome({ ...win, env: {} })).toBe('C:\\Users\\ana\\AppData\\Roaming\\Follower Pulse');
  });
});

describe('resolveHome: overrides', () => {
  it('FOLLOWER_PULSE_HOME wins over the platform folder on every platform', () => {
    expect(resolveHome({ ...linux, env: { FOLLOWER_PULSE_HOME: '/data/fp', XDG_CONFIG_HOME: '/x' } })).toBe('/data/fp');
    expect(resolveHome({ ...mac, env: { FOLLOWER_PULSE_HOME: '/data/fp' } })).toBe('/data/fp');
    expect(resolveHome({ ...win, env: { ...win.env, FOLLOWER_PULSE_HOME: 'D:\\fp' } })).toBe('D:\\fp');
  });

  it('--home wins over FOLLOWER_PULSE_HOME', () => {
    expect(resolveHome({ ...linux, env: { FOLLOWER_PULSE_HOME: '/data/env' }, argHome: '/data/arg' })).toBe('/data/arg');
    expect(resolveHome({ ...win, env: { FOLLOWER_PULSE_HOME: 'D:\\env' }, argHome: 'E:\\arg' })).toBe('E:\\arg');
  });

  it('an empty --home or FOLLOWER_PULSE_HOME counts as unset', () => {
    expect(resolveHome({ ...linux, env: { FOLLOWER_PULSE_HOME: '' }, argHome: '' })).toBe('/home/ana/.config/Follower Pulse');
    expect(resolveHome({ ...linux, env: { FOLLOWER_PULSE_HOME: '/data/env' }, argHome: '  ' })).toBe('/data/env');
  });

  it('resolves a relative override against cwd and expands a leading ~', () => {
    expect(resolveHome({ ...linux, argHome: 'work/fp', cwd: '/tmp/x' })).toBe('/tmp/x/work/fp');
    expect(resolveHome({ ...linux, env: { FOLLOWER_PULSE_HOME: '~/fp' } })).toBe('/home/ana/fp');
    expect(resolveHome({ ...win, argHome: '~\\fp' })).toBe('C:\\Users\\ana\\fp');
    expect(resolveHome({ ...win, argHome: 'fp', cwd: 'C:\\work' })).toBe('C:\\work\\fp');
  });
});

describe('resolveLakeDir', () => {
  const settings = defaultSettings();

  it('is <home>/lake when lake.dir is null', () => {
    expect(resolveLakeDir('/h', settings)).toBe('/h/lake');
  });

  it('uses an absolute lake.dir as it is', () => {
    expect(resolveLakeDir('/h', { lake: { dir: '/mnt/lake' } })).toBe('/mnt/lake');
  });

  it('takes a relative lake.dir relative to the home, not the cwd', () => {
    expect(resolveLakeDir('/h', { lake: { dir: 'shared/lake' } })).toBe('/h/shared/lake');
  });
});
