import 'server-only';

import type { Kysely, Migration } from 'kysely';

/**
 * Bans (lib/db/bans.ts, docs/bans.md). Dialect-neutral like 0006: a text id (uuid), epoch-ms bigint
 * times.
 *
 * - `room_name` null = every room of `tenant`; `tenant` null as well = every room of every tenant
 *   (only a caller bound to no tenant can issue that).
 * - A ban is never deleted: lifting sets `lifted_at`/`lifted_by`, expiry is `expires_at` (null =
 *   permanent), so the Bans page keeps the history and enforcement reads only active rows.
 * - Enforcement asks "is this identity banned here?" on every join: the index on `identity` answers
 *   that; bans with a name pattern are few and read alongside.
 */
export function bansMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('bans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('identity', 'text', (c) => c.notNull())
        .addColumn('name_pattern', 'text')
        .addColumn('room_name', 'text')
        .addColumn('tenant', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('lifted_at', 'bigint')
        .addColumn('lifted_by', 'text')
        .execute();
      await db.schema.createIndex('bans_identity_idx').on('bans').column('identity').execute();
      await db.schema.createIndex('bans_created_at_idx').on('bans').column('created_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('bans').execute();
    },
  };
}
