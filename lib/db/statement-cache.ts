import 'server-only';

import type SqliteDatabase from 'better-sqlite3';

/** What Kysely's SQLite dialect needs (its `SqliteDatabase`), in better-sqlite3's own types. */
export interface CachingSqliteDatabase {
  close(): void;
  prepare(sql: string): SqliteDatabase.Statement;
}

/** Distinct SQL texts kept prepared; ours are a few dozen, IN-lists of other lengths add more. */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * The SQLite handle Kysely is given: better-sqlite3 with its prepared statements reused. Kysely's
 * SQLite driver prepares every query anew, and preparing (parsing and planning the SQL) cost more
 * than running our small indexed statements (bench:api profile, docs/ARCHITECTURE.md). Reuse is
 * safe: better-sqlite3 runs one statement at a time on the event loop's thread, and a statement
 * object is meant to be run many times. Least recently used texts leave first, so statements
 * built with variable-length lists cannot grow the cache without bound.
 */
export function withStatementCache(
  sqlite: SqliteDatabase.Database,
  size = STATEMENT_CACHE_SIZE,
): CachingSqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Map keeps insertion order: re-inserting marks it most recently used.
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
