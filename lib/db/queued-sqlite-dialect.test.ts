import { createHook } from 'node:async_hooks';

import SqliteDatabase from 'better-sqlite3';
import { type Dialect, Kysely, sql, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';

import { QueuedSqliteDialect } from './queued-sqlite-dialect';

interface TestDb {
  items: { id: number; label: string };
}

const opened: Kysely<TestDb>[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

function open(makeDialect: (database: SqliteDatabase.Database) => Dialect): Kysely<TestDb> {
  const db = new Kysely<TestDb>({ dialect: makeDialect(new SqliteDatabase(':memory:')) });
  opened.push(db);
  return db;
}

/** Promises created while `run` runs: the cost of waiting, whatever the machine's speed. */
async function promisesCreatedBy(run: () => Promise<unknown>): Promise<number> {
  let created = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === 'PROMISE') created += 1;
    },
  }).enable();
  try {
    await run();
  } finally {
    hook.disable();
  }
  return created;
}

/** A transaction holds the connection while `waiting` statements queue behind it. */
async function burst(db: Kysely<TestDb>, waiting: number): Promise<string[]> {
  await sql`create table items (id integer primary key, label text not null)`.execute(db);
  let releaseTransaction!: () => void;
  const held = new Promise<void>((resolve) => (releaseTransaction = resolve));
  const transaction = db.transaction().execute(async (trx) => {
    await trx.insertInto('items').values({ id: 0, label: 'first' }).execute();
    await held;
  });
  const order: string[] = [];
  const statements = Array.from({ length: waiting }, (_, i) =>
    db
      .insertInto('items')
      .values({ id: i + 1, label: `item ${i + 1}` })
      .execute()
      .then(() => order.push(`item ${i + 1}`)),
  );
  releaseTransaction();
  await Promise.all([transaction, ...statements]);
  return order;
}

describe('QueuedSqliteDialect', () => {
  it('runs statements waiting for the connection in the order they asked, each woken once', async () => {
    const queued = open((database) => new QueuedSqliteDialect({ database }));
    let order: string[] = [];
    const created = await promisesCreatedBy(async () => (order = await burst(queued, 500)));
    expect(order).toEqual(Array.from({ length: 500 }, (_, i) => `item ${i + 1}`));
    expect(
      await queued
        .selectFrom('items')
        .select((eb) => eb.fn.countAll().as('n'))
        .execute(),
    ).toEqual([{ n: 501 }]);
    // Kysely's own dialect wakes every waiter at every release: ~N²/2 promises for N waiting.
    const stock = open((database) => new SqliteDialect({ database }));
    const createdByStock = await promisesCreatedBy(() => burst(stock, 500));
    expect(createdByStock).toBeGreaterThan(500 * 100);
    expect(created).toBeLessThan(500 * 40);
  });

  it('gives the connection back when a statement fails, and rolls a failed transaction back', async () => {
    const db = open((database) => new QueuedSqliteDialect({ database }));
    await sql`create table items (id integer primary key, label text not null)`.execute(db);
    await expect(sql`select * from missing`.execute(db)).rejects.toThrow(/no such table/);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ id: 1, label: 'kept?' }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await db.insertInto('items').values({ id: 2, label: 'after' }).execute();
    expect(await db.selectFrom('items').select('label').execute()).toEqual([{ label: 'after' }]);
  });

  it('keeps the wrapped driver’s savepoints', async () => {
    const db = open((database) => new QueuedSqliteDialect({ database }));
    await sql`create table items (id integer primary key, label text not null)`.execute(db);
    const trx = await db.startTransaction().execute();
    await trx.insertInto('items').values({ id: 1, label: 'kept' }).execute();
    const inner = await trx.savepoint('inner').execute();
    await inner.insertInto('items').values({ id: 2, label: 'undone' }).execute();
    await inner.rollbackToSavepoint('inner').execute();
    await trx.commit().execute();
    expect(await db.selectFrom('items').select('label').execute()).toEqual([{ label: 'kept' }]);
  });
});
