import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/shared/imports';
import { cliEnv, readTree, runCliProcess, tempHome } from '../support/cli-harness';
import { holdLockInAnotherProcess } from '../support/lock-holder';
import { buildXlsx } from '../support/xlsx-writer';

const ORG = '2414183';
const NOW = '2026-11-28T10:00:00Z';
const HEADER = 'organizationalEntity,Data,Ganhos de seguidores orgânicos,Ganhos de seguidores patrocinados';

let home: string;
let files: string;

/** The prototype's daily file, as pandas wrote it on Windows (BOM, index column, CRLF). */
function prototypeFile(day: string, organic: number, paid: number | null): string {
  return `\ufeff,${HEADER}\r\n0,urn:li:organization:${ORG},${day},${organic},${paid === null ? '' : `${paid}.0`}\r\n`;
}

async function writeInput(name: string, text: string): Promise<string> {
  const path = join(files, name);
  await writeFile(path, text);
  return path;
}

/** Every file of the home with its bytes and mtime: "nothing changed" means both. */
async function snapshot(): Promise<Map<string, { bytes: string; mtimeMs: number }>> {
  const tree = await readTree(home);
  const out = new Map<string, { bytes: string; mtimeMs: number }>();
  for (const [path, bytes] of tree) out.set(path, { bytes: bytes.toString('base64'), mtimeMs: (await stat(join(home, path))).mtimeMs });
  return out;
}

const env = (): NodeJS.ProcessEnv => cliEnv({ home, now: NOW });
const run = (...args: string[]) => runCliProcess(['import', ...args], env());

beforeEach(async () => {
  home = await tempHome('fp-import-');
  files = await mkdtemp(join(tmpdir(), 'fp-import-files-'));
  await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, accounts: [{ network: 'linkedin', id: ORG, name: 'Acme', enabled: true }] }));
});

describe('follower-pulse import', () => {
  it("imports a folder of the prototype's files into the import month files, and a re-import changes nothing", async () => {
    const folder = join(files, 'prototype');
    await mkdir(folder);
    await writeFile(join(folder, 'follower_stats_20251031.csv'), prototypeFile('2025-10-31', 4, 1));
    await writeFile(join(folder, 'follower_stats_20251101.csv'), prototypeFile('2025-11-01', 12, null));
    await writeFile(join(folder, 'notes.md'), 'not imported');

    const first = await run(folder, '--network', 'linkedin');
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('Imported 2 days of gains (2025-10-31 to 2025-11-01) for linkedin 2414183 (2 files, prototype): 2 days new or changed in 2 files.\n');
    expect(first.code).toBe(0);
    const lake = join(home, 'lake', 'follower_gains');
    expect(await readdir(join(lake, 'month=2025-10'))).toEqual(['linkedin-2414183-import.csv']);
    const tree = await readTree(home);
    expect(tree.get('lake/follower_gains/month=2025-11/linkedin-2414183-import.csv')?.toString()).toBe(
      'day,network,account_id,organic_gain,paid_gain,total_gain,source,fetched_at\n2025-11-01,linkedin,2414183,12,,12,import,2026-11-28T10:00:00.000Z\n',
    );
    expect([...tree.keys()].filter((k) => k.startsWith('lake/')).some((k) => k.includes('-api.csv'))).toBe(false);

    const before = await snapshot();
    const again = await runCliProcess(['import', folder, '--network', 'linkedin'], cliEnv({ home, now: '2026-11-29T08:00:00Z' }));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already imported: 2 days of gains/);
    expect(await snapshot()).toEqual(before);
  });

  it('a valid line followed by a bad one rejects the whole file: exit 2, reasons, the lake byte- and mtime-identical', async () => {
    const good = await writeInput('good.csv', 'day,followers,organic_gain,paid_gain\n2025-06-01,1000,5,1\n2025-06-02,1006,5,1\n');
    expect((await run(good, '--network', 'linkedin', '--account', ORG)).code).toBe(0);
    const before = await snapshot();

    const bad = await writeInput('bad.csv', 'day,followers,organic_gain,paid_gain\n2025-06-02,1009,8,1\n2025-06-03,-3,5,1\n2025-06-31,1010,1,0\n2025-06-04,1011,1,0\n2025-06-04,1012,1,0\n');
    const rejected = await run(bad, '--network', 'linkedin', '--account', ORG);
    expect(rejected.code).toBe(2);
    expect(rejected.stdout).toBe('');
    expect(rejected.stderr.split('\n')).toEqual([
      `Rejected ${bad}: 4 problems in 5 lines; nothing was written — fix the lines below and import again.`,
      '  bad.csv:3: followers -3 is negative; a follower count cannot be',
      '  bad.csv:4: "2025-06-31" is not a real date',
      '  bad.csv:5: 2025-06-04 appears again with different numbers (1011 here, see bad.csv:6)',
      '  bad.csv:6: 2025-06-04 appears again with different numbers (1012 here, see bad.csv:5)',
      '',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('--dry-run shows the preview and writes nothing; --json prints the result document', async () => {
    const path = await writeInput('sheet.csv', 'Dia;Seguidores;Ganhos\r\n01/02/2025;1.200;3\r\n02/02/2025;1.203;3\r\n');
    const before = await snapshot();
    const dry = await run(path, '--network', 'linkedin', '--account', `urn:li:organization:${ORG}`, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout.split('\n')[0]).toBe('Dry run (generic): would import 2 days of gains and 2 follower counts (2025-02-01 to 2025-02-02) for linkedin 2414183. Nothing was written.');
    expect(dry.stdout).toContain('2025-02-02  organic 3  paid -  followers 1203');
    expect(await snapshot()).toEqual(before);

    const json = await run(path, '--network', 'linkedin', '--account', ORG, '--json');
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as ImportResult;
    expect(result).toMatchObject({ committed: true, dryRun: false, format: 'generic', gainDays: 2, totalDays: 2, daysWritten: 2, rejectedCount: 0, accountTracked: true });
    expect(result.filesWritten).toEqual(['follower_gains/month=2025-02/linkedin-2414183-import.csv', 'follower_totals/month=2025-02/linkedin-2414183-import.csv']);
  });

  it("imports LinkedIn's follower export as a real XLSX workbook", async () => {
    const header = ['Date', 'Sponsored followers', 'Organic followers', 'Auto-invited followers', 'Total followers'];
    const workbook = buildXlsx([
      { name: 'Location', rows: [['Location', 'Total followers'], ['Brazil', 900]] },
      { name: 'New followers', rows: [header, [{ date: '2025-11-28' }, 2, 30, 1, 33], ['11/29/2025', 0, 5, 0, 5]] },
    ]);
    const path = join(files, 'acme_followers_1764288000000.xlsx');
    await writeFile(path, workbook);
    const result = await run(path, '--network', 'linkedin', '--account', ORG);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Imported 2 days of gains (2025-11-28 to 2025-11-29) for linkedin 2414183 (linkedin-export): 2 days new or changed in 1 file.\n');
    expect(result.code).toBe(0);
    expect((await readTree(home)).get('lake/follower_gains/month=2025-11/linkedin-2414183-import.csv')?.toString().split('\n').slice(1, 3)).toEqual([
      '2025-11-28,linkedin,2414183,31,2,33,import,2026-11-28T10:00:00.000Z',
      '2025-11-29,linkedin,2414183,5,0,5,import,2026-11-28T10:00:00.000Z',
    ]);
  });

  it('an account that is not tracked is imported but not added to the settings', async () => {
    const path = await writeInput('x.csv', 'date,followers\n2025-03-01,77\n');
    const settingsBefore = (await readTree(home)).get('settings.json');
    const result = await run(path, '--network', 'x', '--account', 'acme_br');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('x acme_br is not among the tracked pages and was not added (add it with: follower-pulse accounts add x acme_br).\n');
    expect((await readTree(home)).get('settings.json')).toEqual(settingsBefore);
    expect((await readTree(home)).has('lake/follower_totals/month=2025-03/x-acme_br-import.csv')).toBe(true);
  });

  it('bad usage exits 2 with one line; a held lock exits 3 and writes nothing', async () => {
    const path = await writeInput('ok.csv', 'date,followers\n2025-03-01,77\n');
    const noNetwork = await run(path);
    expect(noNetwork.code).toBe(2);
    expect(noNetwork.stderr).toBe('--network is required (linkedin, facebook, instagram or x) — see: follower-pulse import --help\n');
    const badNetwork = await run(path, '--network', 'myspace', '--account', '1');
    expect(badNetwork.stderr).toBe('Unknown network: "myspace" — use one of linkedin, facebook, instagram, x\n');
    expect(badNetwork.code).toBe(2);
    const missing = await run(join(files, 'nope.csv'), '--network', 'linkedin', '--account', ORG);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv does not exist — check the path\n$/);

    const before = await snapshot();
    const holder = await holdLockInAnotherProcess(home);
    try {
      const locked = await run(path, '--network', 'linkedin', '--account', ORG);
      expect(locked.code).toBe(3);
      expect(locked.stderr).toMatch(/^Another sync is running: /);
    } finally {
      await holder.release();
    }
    expect(await snapshot()).toEqual(before);
  });
});
