import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, getDbKind, openDb } from './index';
import { migrateToLatest } from './migrate';
import type { DbTarget } from './target';
import { testStores, type TestStore } from './test-stores';
import { countUsers, createUser } from './users';

describe.each(testStores())('migrations on $kind', ({ kind, store: makeStore }) => {
  let store: TestStore;
  let target: DbTarget;

  beforeAll(async () => {
    store = makeStore();
    target = await store.create();
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('migrates a fresh store and is a no-op the second time', async () => {
    const db = await openDb(target);
    expect(getDbKind()).toBe(kind);
    expect(await migrateToLatest(db as Kysely<unknown>, kind)).toEqual([]);
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'audit_events', 'bans', 'room_locks']));
  });

  it('keeps data across reopen (migrations run again, nothing changes)', async () => {
    await createUser({ username: 'persist', role: 'viewer' });
    await closeDb();
    await openDb(target);
    expect(await countUsers()).toBe(1);
  });
});
