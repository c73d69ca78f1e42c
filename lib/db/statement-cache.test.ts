import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { withStatementCache } from './statement-cache';

describe('withStatementCache', () => {
  const open: SqliteDatabase.Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close();
  });

  function database() {
    const sqlite = new SqliteDatabase(':memory:');
    open.push(sqlite);
    sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    return sqlite;
  }

  it('prepares a SQL text once and runs it again with new parameters', () => {
    const db = withStatementCache(database());
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    expect(db.prepare('INSERT INTO t (v) VALUES (?)')).toBe(insert);
    insert.run('a');
    db.prepare('INSERT INTO t (v) VALUES (?)').run('b');
    const rows = db.prepare('SELECT v FROM t ORDER BY id').all();
    expect(rows).toEqual([{ v: 'a' }, { v: 'b' }]);
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const db = withStatementCache(database(), 2);
    const one = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(one); // now most recently used
    db.prepare('SELECT 3'); // evicts SELECT 2
    expect(db.prepare('SELECT 1')).toBe(one);
    expect(db.prepare('SELECT 2')).not.toBe(two);
  });

  it('still sees a column added after the statement was prepared', () => {
    const sqlite = database();
    const db = withStatementCache(sqlite);
    const select = () => db.prepare('SELECT * FROM t').all();
    sqlite.prepare('INSERT INTO t (v) VALUES (?)').run('a');
    expect(select()).toEqual([{ id: 1, v: 'a' }]);
    sqlite.exec("ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'x'");
    expect(select()).toEqual([{ id: 1, v: 'a', w: 'x' }]);
  });

  it('closes the database', () => {
    const sqlite = database();
    withStatementCache(sqlite).close();
    expect(sqlite.open).toBe(false);
  });
});
