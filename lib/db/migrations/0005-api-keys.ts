import 'server-only';

import { type Kysely, type Migration, sql } from 'kysely';

/**
 * REST API keys (issue 11): only the SHA-256 of each key is stored, looked up on every keyed
 * request through its unique index. Dialect-neutral like 0003/0004: text ids (uuid), epoch-ms
 * bigint times, the room scope as JSON text. A name is unique among keys that are not revoked
 * (a partial index, which SQLite and PostgreSQL both have), so a revoked key's name can be reused.
 */
export function apiKeysMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text')
        .addColumn('rooms', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('api_keys_active_name_idx')
        .on('api_keys')
        .column('name')
        .unique()
        .where(sql.ref('revoked_at'), 'is', null)
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('api_keys').execute();
    },
  };
}
