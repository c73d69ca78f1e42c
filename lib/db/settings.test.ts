import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, openDb } from './index';
import { deleteSetting, EVERY_TENANT, findSetting, saveSetting } from './settings';
import type { DbTarget } from './target';
import { testStores, type TestStore } from './test-stores';

describe.each(testStores())('settings store on $kind', ({ store: makeStore }) => {
  let store: TestStore;
  let target: DbTarget;

  beforeAll(async () => {
    store = makeStore();
    target = await store.create();
    await openDb(target);
  });
  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('keeps one value per name and scope, replaces it, survives a reopen, and forgets it', async () => {
    expect(await findSetting('join_link_template', EVERY_TENANT)).toBeNull();
    await saveSetting({
      name: 'join_link_template',
      scope: EVERY_TENANT,
      value: 'https://a.example/?t={token}',
      updatedBy: 'admin',
      updatedAtMs: 1_000,
    });
    await saveSetting({
      name: 'join_link_template',
      scope: 'acme',
      value: 'https://acme.example/?t={token}',
      updatedBy: 'acme-admin',
      updatedAtMs: 2_000,
    });
    await saveSetting({
      name: 'join_link_template',
      scope: EVERY_TENANT,
      value: 'https://b.example/?t={token}',
      updatedBy: 'root',
      updatedAtMs: 3_000_000_000_000,
    });
    await closeDb();
    await openDb(target);

    expect(await findSetting('join_link_template', EVERY_TENANT)).toEqual({
      name: 'join_link_template',
      scope: EVERY_TENANT,
      value: 'https://b.example/?t={token}',
      updatedBy: 'root',
      updatedAtMs: 3_000_000_000_000,
    });
    expect(await findSetting('join_link_template', 'acme')).toMatchObject({
      value: 'https://acme.example/?t={token}',
      updatedBy: 'acme-admin',
      updatedAtMs: 2_000,
    });
    expect(await findSetting('join_link_template', 'globex')).toBeNull();

    expect(await deleteSetting('join_link_template', 'acme')).toBe(true);
    expect(await deleteSetting('join_link_template', 'acme')).toBe(false);
    expect(await findSetting('join_link_template', 'acme')).toBeNull();
    expect(await findSetting('join_link_template', EVERY_TENANT)).not.toBeNull();
  });
});
