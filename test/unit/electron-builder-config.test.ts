import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// electron-builder validates its configuration against this schema as its first step; the
// options are the ones it uses itself.
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false, coerceTypes: true }).compile(schema);

function load(): Record<string, unknown> {
  return parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>;
}

describe('electron-builder.yml', () => {
  it('is valid against the schema electron-builder ships', () => {
    const ok = validate(load());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('keeps the contract’s appId and packs native modules outside the asar', () => {
    const config = load();
    expect(config.appId).toBe('io.followerpulse.app');
    expect(config.productName).toBe('Follower Pulse');
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('the schema check catches a misspelt key', () => {
    expect(validate({ ...load(), asarUnpacks: ['x'] })).toBe(false);
  });
});
