import 'server-only';

import type { Kysely, Migration } from 'kysely';

/**
 * Microphone restrictions (OpenTalk's `enable_microphone_restrictions`, docs/livekit-behaviour.md
 * §12), durable so that they hold across restarts and on every instance, and so that disabling
 * gives back exactly what was taken. Dialect-neutral like 0006: text ids, epoch-ms bigint times,
 * JSON as text.
 *
 * - `microphone_restrictions`: one row per room while restrictions are on — the allow-list, who
 *   enabled them and when. `id` changes with every enable, so enforcement can tell that the
 *   restriction it acted for is still the one in force.
 * - `microphone_restriction_takings`: per room and identity, the publish rights before and after
 *   MICROPHONE was taken (`previous` / `applied`, JSON `{canPublish, canPublishSources}`), and the
 *   participant session it was taken from (null while only a join token was issued with it).
 */
export function microphoneRestrictionsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('microphone_restrictions')
        .addColumn('room_name', 'text', (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('unrestricted', 'text', (c) => c.notNull())
        .addColumn('enabled_by', 'text', (c) => c.notNull())
        .addColumn('enabled_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('microphone_restriction_takings')
        .addColumn('room_name', 'text', (c) => c.notNull())
        .addColumn('identity', 'text', (c) => c.notNull())
        .addColumn('participant_sid', 'text')
        .addColumn('previous', 'text', (c) => c.notNull())
        .addColumn('applied', 'text', (c) => c.notNull())
        .addColumn('taken_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('microphone_restriction_takings_pk', ['room_name', 'identity'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('microphone_restriction_takings').execute();
      await db.schema.dropTable('microphone_restrictions').execute();
    },
  };
}
