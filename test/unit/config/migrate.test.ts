import { describe, expect, it, vi } from 'vitest';
import { MIGRATIONS, type Migration, migrateDocument } from '../../../src/core/config/migrate';
import { readStoredItem } from '../../../src/core/config/stored';
import { CONFIG_VERSION } from '../../../src/core/config/types';
import { parseConfigJson } from '../../../src/core/config/validate';
import { expectOk, vendors } from './helpers';

describe('migrateDocument', () => {
  it('has no migrations while there is only version 1', () => {
    expect(CONFIG_VERSION).toBe(1);
    expect(Object.keys(MIGRATIONS)).toEqual([]);
  });

  it('reads a document without version as version 1', () => {
    const result = migrateDocument({ profiles: [] });
    expect(result).toEqual({ ok: true, document: { profiles: [], version: 1 }, from: 1 });
  });

  it('refuses a newer version, naming the newest this build reads', () => {
    const result = migrateDocument({ version: 3 }, {}, 2);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.path).toBe('version');
      expect(result.issues[0]?.message).toMatch(/version 3, but this build of Softbar reads up to version 2/);
    }
  });

  it('runs registered migrations in order, each from N to N + 1', () => {
    // Version 1 had `region`; version 2 renamed it `defaultRegion`; version 3 wrapped sites in an object.
    const toTwo: Migration = vi.fn(({ region, ...rest }) => ({ ...rest, defaultRegion: region }));
    const toThree: Migration = vi.fn((doc) => ({ ...doc, sites: { allow: doc.sites ?? [], block: [] } }));
    const result = migrateDocument(
      { region: 'IT', sites: ['https://x.test/*'] },
      { 1: toTwo, 2: toThree },
      3,
    );
    expect(result).toEqual({
      ok: true,
      from: 1,
      document: { version: 3, defaultRegion: 'IT', sites: { allow: ['https://x.test/*'], block: [] } },
    });
    expect(toTwo).toHaveBeenCalledTimes(1);
    expect(toThree).toHaveBeenCalledWith(expect.objectContaining({ version: 2, defaultRegion: 'IT' }));
  });

  it('starts from the document version, skipping older migrations', () => {
    const toTwo: Migration = vi.fn((doc) => doc);
    const toThree: Migration = vi.fn((doc) => ({ ...doc, marked: true }));
    const result = migrateDocument({ version: 2 }, { 1: toTwo, 2: toThree }, 3);
    expect(result.ok && result.document).toEqual({ version: 3, marked: true });
    expect(toTwo).not.toHaveBeenCalled();
  });

  it('reports a missing step and a failing migration', () => {
    expect(migrateDocument({ version: 1 }, {}, 2).ok).toBe(false);
    const throwing = migrateDocument(
      {},
      {
        1: () => {
          throw new Error('boom');
        },
      },
      2,
    );
    expect(throwing.ok).toBe(false);
    if (!throwing.ok) expect(throwing.issues[0]?.message).toMatch(/from version 1 to 2: Error: boom/);
  });

  it('validation uses the migrations it is given', () => {
    const renamed: Migration = ({ profileList, ...rest }) => ({ ...rest, profiles: profileList });
    const json = JSON.stringify({ profileList: [{ id: 'a', vendor: 'demo', label: 'A' }] });
    const config = expectOk(
      parseConfigJson(json, vendors, { migrations: { 1: renamed }, currentVersion: 2 }),
    );
    expect(config.version).toBe(2);
    expect(config.profiles[0]?.id).toBe('a');
  });

  it('a stored item is migrated from the version stored beside it', () => {
    const renamed: Migration = ({ profileList, ...rest }) => ({ ...rest, profiles: profileList });
    const item = { version: 1, config: { profileList: [{ id: 'a', vendor: 'demo', label: 'A' }] } };
    const result = readStoredItem(item, vendors, { migrations: { 1: renamed }, currentVersion: 2 });
    expect(result && expectOk(result).profiles[0]?.id).toBe('a');
  });
});
