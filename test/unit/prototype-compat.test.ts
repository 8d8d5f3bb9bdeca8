import { describe, expect, it } from 'vitest';
import {
  compatOrgIds,
  encodePrototypeFile,
  PROTOTYPE_HEADER,
  prototypeCompatFiles,
  prototypeFileName,
} from '../../src/main/engine/sources/linkedin/prototype-compat';
import { defaultSettings } from '../../src/shared/settings-schema';
import { gainRow } from '../support/lake-fixture';

describe('prototypeFileName', () => {
  it('is follower_stats_YYYYMMDD.csv', () => {
    expect(prototypeFileName('2026-11-28')).toBe('follower_stats_20261128.csv');
    expect(prototypeFileName('2027-01-05')).toBe('follower_stats_20270105.csv');
  });

  it('refuses what is not a day', () => {
    expect(() => prototypeFileName('2026-02-30')).toThrow(RangeError);
  });
});

describe('encodePrototypeFile', () => {
  it('writes the exact bytes pandas wrote: UTF-8 without BOM, CRLF after header and row', () => {
    const bytes = encodePrototypeFile('2414183', '2026-11-28', 12, 3);
    const expected = Buffer.concat([
      Buffer.from('organizationalEntity,Data,Ganhos de seguidores org', 'ascii'),
      Buffer.from([0xc3, 0xa2]), // â
      Buffer.from('nicos,Ganhos de seguidores patrocinados\r\n', 'ascii'),
      Buffer.from('urn:li:organization:2414183,2026-11-28,12,3\r\n', 'ascii'),
    ]);
    expect(bytes.toString('hex')).toBe(expected.toString('hex'));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(bytes.length).toBe(138);
  });

  it('keeps negative gains and zero as pandas prints integers', () => {
    expect(encodePrototypeFile('1', '2026-01-01', -4, 0).toString('utf8')).toBe(`${PROTOTYPE_HEADER}\r\nurn:li:organization:1,2026-01-01,-4,0\r\n`);
  });

  it('writes a missing paid split as an empty field (pandas NaN)', () => {
    expect(encodePrototypeFile('1', '2026-01-01', 5, null).toString('utf8').endsWith(',5,\r\n')).toBe(true);
  });

  it('refuses ids and numbers that would break the file', () => {
    expect(() => encodePrototypeFile('1,2', '2026-01-01', 1, 1)).toThrow(RangeError);
    expect(() => encodePrototypeFile('1', '2026-01-01', 1.5, 1)).toThrow(RangeError);
  });
});

describe('prototypeCompatFiles', () => {
  const gains = [gainRow('2414183', '2026-11-02', 5, 1), gainRow('2414183', '2026-11-01', 4, 0)];

  it('one flat file per day for a single page, from api rows only', () => {
    const files = prototypeCompatFiles([{ orgId: '2414183', gains: [...gains, gainRow('2414183', '2026-10-01', 9, 9, 'import')] }], 'follower_stats/');
    expect(files.map((f) => f.key)).toEqual(['follower_stats/follower_stats_20261101.csv', 'follower_stats/follower_stats_20261102.csv']);
    expect(files[1].body.toString('utf8')).toBe(`${PROTOTYPE_HEADER}\r\nurn:li:organization:2414183,2026-11-02,5,1\r\n`);
  });

  it('a folder per page when several pages are tracked', () => {
    const files = prototypeCompatFiles(
      [
        { orgId: '2414183', gains },
        { orgId: '99', gains: [gainRow('99', '2026-11-01', 1, 0)] },
      ],
      '',
    );
    expect(files.map((f) => f.key)).toEqual([
      '2414183/follower_stats_20261101.csv',
      '2414183/follower_stats_20261102.csv',
      '99/follower_stats_20261101.csv',
    ]);
  });

  it('compatOrgIds lists the tracked LinkedIn pages once, disabled ones included', () => {
    const settings = defaultSettings();
    settings.accounts = [
      { network: 'linkedin', id: '1', name: '', enabled: true },
      { network: 'facebook', id: '2', name: '', enabled: true },
      { network: 'linkedin', id: '3', name: '', enabled: false },
    ];
    expect(compatOrgIds(settings)).toEqual(['1', '3']);
  });
});
