import 'server-only';

import { type Kysely, Migrator } from 'kysely';

import { migrationProvider } from './migrations';
import type { DbKind } from './target';

/** Applies pending migrations; idempotent. Throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>, kind: DbKind): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider(kind) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Moderato: database migration failed${name}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
