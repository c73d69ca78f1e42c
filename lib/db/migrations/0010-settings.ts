import 'server-only';

import type { Kysely, Migration } from 'kysely';

/**
 * Settings an admin changes from the dashboard (the token generator's join link template first),
 * durable and shared by every instance. Dialect-neutral like 0006: text values, epoch-ms bigint
 * times. One row per setting and scope: `scope` is '' for every tenant, else a tenant's `auth_id`
 * (a tenant-bound admin's setting holds for its tenant only); '' rather than NULL because it is
 * part of the primary key.
 */
export function settingsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('settings')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('settings_pk', ['name', 'scope'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('settings').execute();
    },
  };
}
