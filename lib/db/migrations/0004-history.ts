import 'server-only';

import type { Kysely, Migration } from 'kysely';

/**
 * Session history (issue 10): one row per room session and per participant session, and the room
 * activity timeline, written from live events (lib/live/history-recorder.ts). Dialect-neutral like
 * 0003: text ids (LiveKit's sids, the live event's id), epoch-ms bigint times, JSON as text, no
 * auto-increment — so two instances writing the same deployment's history never collide on keys.
 */
export function historyMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('room_sessions')
        .addColumn('room_sid', 'text', (c) => c.primaryKey())
        .addColumn('room_name', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text')
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('peak_participants', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('total_participants', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // The History page: newest first, optionally one tenant's; retention deletes by start.
      await db.schema
        .createIndex('room_sessions_started_at_idx')
        .on('room_sessions')
        .columns(['started_at', 'room_sid'])
        .execute();
      await db.schema
        .createIndex('room_sessions_tenant_started_at_idx')
        .on('room_sessions')
        .columns(['tenant', 'started_at'])
        .execute();
      // The recorder finds a room's open session by name; listRoomEvents checks a name's scope.
      await db.schema
        .createIndex('room_sessions_room_name_idx')
        .on('room_sessions')
        .columns(['room_name', 'started_at'])
        .execute();

      await db.schema
        .createTable('participant_sessions')
        .addColumn('participant_sid', 'text', (c) => c.primaryKey())
        .addColumn('room_sid', 'text', (c) => c.notNull())
        .addColumn('room_name', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text')
        .addColumn('identity', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'bigint', (c) => c.notNull())
        .addColumn('left_at', 'bigint')
        .addColumn('leave_reason', 'text')
        .execute();
      await db.schema
        .createIndex('participant_sessions_room_sid_idx')
        .on('participant_sessions')
        .columns(['room_sid', 'joined_at'])
        .execute();

      await db.schema
        .createTable('room_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_sid', 'text')
        .addColumn('room_name', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text')
        .addColumn('at', 'bigint', (c) => c.notNull())
        // The publishing instance's sequence number (the id's suffix): orders events of the same
        // millisecond — webhooks carry whole seconds — as they were published.
        .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('identity', 'text')
        .addColumn('track_sid', 'text')
        .addColumn('detail', 'text')
        .execute();
      // The room page's timeline (newest first) and the session page's.
      await db.schema
        .createIndex('room_events_room_name_at_idx')
        .on('room_events')
        .columns(['room_name', 'at'])
        .execute();
      await db.schema
        .createIndex('room_events_room_sid_at_idx')
        .on('room_events')
        .columns(['room_sid', 'at'])
        .execute();
      // Retention deletes by time.
      await db.schema.createIndex('room_events_at_idx').on('room_events').column('at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('room_events').execute();
      await db.schema.dropTable('participant_sessions').execute();
      await db.schema.dropTable('room_sessions').execute();
    },
  };
}
