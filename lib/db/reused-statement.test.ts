import SqliteDatabase from 'better-sqlite3';
import { type Generated, Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';

import { reusedStatement } from './reused-statement';

interface TestDb {
  t: { id: Generated<number>; v: string | null; n: number };
}

describe('reusedStatement', () => {
  const open: Kysely<TestDb>[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.destroy();
  });

  function database(): Kysely<TestDb> {
    const sqlite = new SqliteDatabase(':memory:');
    sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, n INTEGER NOT NULL DEFAULT 0)');
    const db = new Kysely<TestDb>({ dialect: new SqliteDialect({ database: sqlite }) });
    open.push(db);
    return db;
  }

  it('builds a statement once per handle and runs it with each call’s values', async () => {
    const db = database();
    let builds = 0;
    const insert = reusedStatement((k: Kysely<TestDb>, v: string | null, n: number) => {
      builds += 1;
      return k.insertInto('t').values({ v, n });
    });
    expect(Number((await insert(db, 'a', 1)).numAffectedRows)).toBe(1);
    await insert(db, null, 2);
    await insert(db, 'c', 3);
    expect(builds).toBe(1);
    const rows = await db.selectFrom('t').select(['v', 'n']).orderBy('id').execute();
    expect(rows).toEqual([
      { v: 'a', n: 1 },
      { v: null, n: 2 },
      { v: 'c', n: 3 },
    ]);
    // Another handle (here another store) builds its own.
    await insert(database(), 'd', 4);
    expect(builds).toBe(2);
  });

  it('keeps the constants of the statement and answers selects with rows', async () => {
    const db = database();
    await db
      .insertInto('t')
      .values([
        { v: 'x', n: 5 },
        { v: 'y', n: 7 },
      ])
      .execute();
    const bump = reusedStatement((k: Kysely<TestDb>, v: string) =>
      k
        .updateTable('t')
        .set((eb) => ({ n: eb('n', '+', 10) }))
        .where('v', '=', v),
    );
    const find = reusedStatement((k: Kysely<TestDb>, v: string) =>
      k.selectFrom('t').select('n').where('v', '=', v),
    );
    await bump(db, 'y');
    await bump(db, 'y');
    expect((await find(db, 'y')).rows).toEqual([{ n: 27 }]);
    expect((await find(db, 'x')).rows).toEqual([{ n: 5 }]);
  });

  it('refuses a statement that computes with an argument instead of using it as a value', async () => {
    const computed = reusedStatement((k: Kysely<TestDb>, n: number) =>
      k.selectFrom('t').selectAll().where('n', '=', Math.trunc(n)),
    );
    await expect(computed(database(), 1)).rejects.toThrow('not used as a parameter');
  });
});
