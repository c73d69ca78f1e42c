import 'server-only';

import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

import type { DbTarget } from './target';

export interface WriteLock {
  release(): Promise<void>;
}

/**
 * Test helper: another connection takes the audit table's write lock and keeps it until
 * released, as another process holding the database would (issue 8's reproduction). SQLite: an
 * exclusive transaction; PostgreSQL: a table lock that blocks writes while reads still go through.
 */
export async function holdAuditWriteLock(target: DbTarget): Promise<WriteLock> {
  if (target.kind === 'sqlite') {
    const other = new SqliteDatabase(target.file);
    other.exec('BEGIN EXCLUSIVE');
    return {
      release: async () => {
        other.exec('COMMIT');
        other.close();
      },
    };
  }
  const other = new pg.Client({ connectionString: target.url });
  await other.connect();
  await other.query('BEGIN');
  await other.query('LOCK TABLE audit_events IN EXCLUSIVE MODE');
  return {
    release: async () => {
      await other.query('COMMIT');
      await other.end();
    },
  };
}
