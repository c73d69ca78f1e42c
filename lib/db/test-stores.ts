import 'server-only';

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import type { DbKind, DbTarget } from './target';

/**
 * Test helper: the stores a suite runs against. SQLite (temp dir) always; PostgreSQL too when
 * TEST_POSTGRES_URL is set — each suite gets a throw-away `moderato_test_<random>` database.
 * CI demands the PostgreSQL run with TEST_REQUIRE_POSTGRES=1: then a missing URL fails the run
 * instead of silently skipping, and an unreachable server always fails.
 */
export interface TestStore {
  kind: DbKind;
  /** Creates a fresh, empty store and returns where it is. */
  create(): Promise<DbTarget>;
  /** Removes it (call after closeDb()). */
  destroy(): Promise<void>;
}

function sqliteStore(): TestStore {
  let dir: string | undefined;
  return {
    kind: 'sqlite',
    async create() {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moderato-test-'));
      return { kind: 'sqlite', file: path.join(dir, 'moderato.db') };
    },
    async destroy() {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`TEST_POSTGRES_URL is set but PostgreSQL is unreachable: ${String(err)}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function postgresStore(adminUrl: string): TestStore {
  const dbName = `moderato_test_${randomBytes(6).toString('hex')}`;
  return {
    kind: 'postgres',
    async create() {
      await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${dbName}`));
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      return { kind: 'postgres', url: url.toString() };
    },
    async destroy() {
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    },
  };
}

/** One factory per available store; call inside `describe.each(testStores())`. */
export function testStores(): Array<{ kind: DbKind; store: () => TestStore }> {
  const pgUrl = process.env.TEST_POSTGRES_URL?.trim();
  if (!pgUrl && process.env.TEST_REQUIRE_POSTGRES === '1') {
    throw new Error('TEST_REQUIRE_POSTGRES=1 but TEST_POSTGRES_URL is not set');
  }
  const stores: Array<{ kind: DbKind; store: () => TestStore }> = [
    { kind: 'sqlite', store: sqliteStore },
  ];
  if (pgUrl) stores.push({ kind: 'postgres', store: () => postgresStore(pgUrl) });
  return stores;
}
