import 'server-only';

import { type Kysely, type Migration, sql } from 'kysely';

import type { DbKind } from '../target';

/** Users and the audit log. Later tables (api_keys, bans, moderation state) get their own files. */
export function initialMigration(kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('oidc_subject', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text')
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('last_sign_in_at', 'bigint')
        .execute();
      // Case-insensitive uniqueness even if a row is ever written without lower-casing.
      await db.schema
        .createIndex('users_username_lower_key')
        .on('users')
        .unique()
        .expression(sql`lower(username)`)
        .execute();
      await db.schema
        .createIndex('users_oidc_subject_key')
        .on('users')
        .unique()
        .column('oidc_subject')
        .execute();

      // The only dialect difference: how an auto-incrementing key is spelled.
      await db.schema
        .createTable('audit_events')
        .addColumn('id', kind === 'postgres' ? 'bigint' : 'integer', (c) =>
          kind === 'postgres'
            ? c.primaryKey().generatedByDefaultAsIdentity()
            : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('tenant', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('room_name', 'text')
        .addColumn('identity', 'text')
        .addColumn('track_sid', 'text')
        .addColumn('params', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('error_code', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_events_at_idx').on('audit_events').column('at').execute();
      await db.schema
        .createIndex('audit_events_action_idx')
        .on('audit_events')
        .column('action')
        .execute();
      await db.schema
        .createIndex('audit_events_room_name_idx')
        .on('audit_events')
        .column('room_name')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('audit_events').execute();
      await db.schema.dropTable('users').execute();
    },
  };
}
