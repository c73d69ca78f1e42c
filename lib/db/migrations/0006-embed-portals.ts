import 'server-only';

import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Embedding portals: products that show Moderato's room views in an iframe and sign short-lived
 * embed tokens (HS256 JWTs) for them with a per-portal secret. Dialect-neutral like 0005: text ids
 * (uuid), epoch-ms bigint times, the allowed origins as JSON text.
 *
 * - `embed_portals.secret_sealed` is the secret sealed with AES-256-GCM (lib/auth/portal-secret.ts),
 *   not hashed: verifying a portal's HMAC signature needs the secret itself.
 * - A name is unique among portals that are not revoked (a partial index, which SQLite and
 *   PostgreSQL both have), so a revoked portal's name can be reused.
 * - `embed_token_uses` makes each token id (`jti`) single use per portal; its primary key is what
 *   decides a race between two requests presenting the same token, and rows are deleted by
 *   `expires_at` once the token could no longer be accepted anyway.
 */
export function embedPortalsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('embed_portals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('secret_sealed', 'text', (c) => c.notNull())
        .addColumn('allowed_origins', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text')
        .addColumn('max_role', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('embed_portals_active_name_idx')
        .on('embed_portals')
        .column('name')
        .unique()
        .where(sql.ref('revoked_at'), 'is', null)
        .execute();

      await db.schema
        .createTable('embed_token_uses')
        .addColumn('portal_id', 'text', (c) => c.notNull())
        .addColumn('jti', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('embed_token_uses_pk', ['portal_id', 'jti'])
        .execute();
      await db.schema
        .createIndex('embed_token_uses_expires_at_idx')
        .on('embed_token_uses')
        .column('expires_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('embed_token_uses').execute();
      await db.schema.dropTable('embed_portals').execute();
    },
  };
}
