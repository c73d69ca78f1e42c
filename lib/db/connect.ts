import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

import type { Database } from './schema';
import { QueuedSqliteDialect } from './queued-sqlite-dialect';
import { withStatementCache } from './statement-cache';
import type { DbTarget } from './target';

const PG_INT8_OID = 20;

/**
 * The longest a statement waits for another writer's lock (or PostgreSQL for a connection) before
 * it fails. Bounded, so a write whose audit row cannot be recorded is refused instead of hanging
 * (lib/domain/audit.ts). better-sqlite3 waits synchronously, so this is also the longest a lock
 * held by another process (the CLI, a backup) can stall the server.
 */
export const DB_LOCK_TIMEOUT_MS = 5000;

/** Opens a Kysely instance for a target; no migrations (see migrate.ts). */
export function connect(target: DbTarget): Kysely<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      connectionTimeoutMillis: DB_LOCK_TIMEOUT_MS,
      lock_timeout: DB_LOCK_TIMEOUT_MS,
      // bigint columns (epoch-ms times, identity ids, COUNT) come back as numbers, like SQLite's.
      // Safe: every value we store is far below 2^53. Per-pool, so other pg users are unaffected.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === PG_INT8_OID
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server ends (a restart, a failover, an administrator) is reported
    // on the pool; without a listener that event would crash the process. The pool drops the
    // connection and opens a new one for the next query.
    // https://node-postgres.com/apis/pool#error
    pool.on('error', (err) => {
      console.error(`[moderato] PostgreSQL closed an idle connection: ${err.message}`);
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }

  fs.mkdirSync(path.dirname(target.file), { recursive: true, mode: 0o700 });
  const isNew = !fs.existsSync(target.file);
  // `timeout` is SQLite's busy timeout, set before the first statement (the pragmas below too).
  const sqlite = new SqliteDatabase(target.file, { timeout: DB_LOCK_TIMEOUT_MS });
  // The file holds password hashes: owner-only, like the auth secret next to it.
  if (isNew) fs.chmodSync(target.file, 0o600);
  // WAL lets the CLI write while the server reads; the busy timeout covers the short write overlaps.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({
    dialect: new QueuedSqliteDialect({ database: withStatementCache(sqlite) }),
  });
}
