import 'server-only';

import type { Kysely, Migration } from 'kysely';

/**
 * Admin-defined permission presets (lib/db/permission-presets.ts). `key` is the admin's short
 * name (never a built-in one's); `permission` the preset's fields as JSON text (both dialects);
 * `tenant` null = visible to everyone, else to that tenant's users only.
 */
export function permissionPresetsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('permission_presets')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('permission', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('permission_presets').execute();
    },
  };
}
