import 'server-only';

import type { Kysely } from 'kysely';

import { connect } from './connect';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';
import { type DbKind, type DbTarget, dbTargetFromEnv } from './target';

export type { Database } from './schema';
export type { DbKind, DbTarget } from './target';

interface DbState {
  kind: DbKind;
  db: Kysely<Database>;
  /** Resolves once migrations have run; shared so they run once per process. */
  ready: Promise<Kysely<Database>>;
}

// One store per process. On globalThis because dev HMR re-evaluates modules and would otherwise
// open a new pool / file handle on every edit.
const holder = globalThis as typeof globalThis & { __moderatoDb?: DbState };

function open(target: DbTarget): DbState {
  const db = connect(target);
  const ready = migrateToLatest(db as Kysely<unknown>, target.kind).then(() => db);
  const state: DbState = { kind: target.kind, db, ready };
  // A failed migration must not be cached: the next call retries (and reports the error again).
  ready.catch(() => {
    if (holder.__moderatoDb === state) holder.__moderatoDb = undefined;
    void db.destroy().catch(() => {});
  });
  return state;
}

/** The process-wide store, migrated. Configured from DATABASE_URL / MODERATO_DATA_DIR. */
export function getDb(): Promise<Kysely<Database>> {
  holder.__moderatoDb ??= open(dbTargetFromEnv());
  return holder.__moderatoDb.ready;
}

/** Which store is in use (after getDb / openDb). */
export function getDbKind(): DbKind | null {
  return holder.__moderatoDb?.kind ?? null;
}

/**
 * Replaces the process-wide store with an explicit target (tests, tools). Closes any previous
 * one first. Returns the migrated instance.
 */
export async function openDb(target: DbTarget): Promise<Kysely<Database>> {
  await closeDb();
  holder.__moderatoDb = open(target);
  return holder.__moderatoDb.ready;
}

/** Closes the store (CLI exit, tests). The next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const state = holder.__moderatoDb;
  holder.__moderatoDb = undefined;
  if (!state) return;
  await state.ready.catch(() => {});
  await state.db.destroy();
}
