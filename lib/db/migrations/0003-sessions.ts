import 'server-only';

import type { Kysely, Migration } from 'kysely';

/**
 * Server-side session records: the session JWT names a row here, and a session ends when its row
 * is revoked (sign-out, password reset, role or tenant change, disabling, an admin's "sign out
 * everywhere"), not only when the JWT expires. Dialect-neutral: no auto-increment, epoch-ms times.
 */
export function sessionsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('user_agent', 'text')
        .addColumn('ip', 'text')
        .addColumn('revoked_at', 'bigint')
        .addColumn('revoked_reason', 'text')
        .execute();
      // "Sign out everywhere" and the admin's list look sessions up by user.
      await db.schema
        .createIndex('sessions_user_id_idx')
        .on('sessions')
        .column('user_id')
        .execute();
      // Pruning deletes by expiry.
      await db.schema
        .createIndex('sessions_expires_at_idx')
        .on('sessions')
        .column('expires_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('sessions').execute();
    },
  };
}
