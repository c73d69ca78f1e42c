import 'server-only';

import type { Kysely, Migration } from 'kysely';

/**
 * Room locks and "Suspend activity" (lib/db/room-locks.ts, docs/moderation.md "Room lock").
 * Dialect-neutral like 0008: epoch-ms bigint times, booleans as 0/1 integers, JSON as text.
 *
 * - `room_locks`: one row per locked room — its tenant when locked (whom the lock is shown to),
 *   the allow-list, who locked and when; for a suspension, who suspended and when, and whether
 *   Resume unlocks too (the suspension locked a room that was not locked before).
 * - `room_lock_admitted`: the participant sessions (sids) in the room when it was locked. Whoever
 *   else joins is a join after the lock. Sids rather than join times, so LiveKit's clock (and its
 *   `joined_at` in seconds on older servers) never decides who stays.
 * - `room_suspension_takings`: per room and identity, what the suspension took — the
 *   ParticipantPermission fields it changed before and after (`previous` / `applied`, JSON), and
 *   the session it took them from — so Resume gives back exactly that and nothing else.
 */
export function roomLocksMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('room_locks')
        .addColumn('room_name', 'text', (c) => c.primaryKey())
        .addColumn('tenant', 'text')
        .addColumn('allow_list', 'text', (c) => c.notNull())
        .addColumn('locked_by', 'text', (c) => c.notNull())
        .addColumn('locked_at', 'bigint', (c) => c.notNull())
        .addColumn('suspended_by', 'text')
        .addColumn('suspended_at', 'bigint')
        .addColumn('unlock_on_resume', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('room_lock_admitted')
        .addColumn('room_name', 'text', (c) => c.notNull())
        .addColumn('participant_sid', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('room_lock_admitted_pk', ['room_name', 'participant_sid'])
        .execute();
      await db.schema
        .createTable('room_suspension_takings')
        .addColumn('room_name', 'text', (c) => c.notNull())
        .addColumn('identity', 'text', (c) => c.notNull())
        .addColumn('participant_sid', 'text', (c) => c.notNull())
        .addColumn('previous', 'text', (c) => c.notNull())
        .addColumn('applied', 'text', (c) => c.notNull())
        .addColumn('taken_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('room_suspension_takings_pk', ['room_name', 'identity'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('room_suspension_takings').execute();
      await db.schema.dropTable('room_lock_admitted').execute();
      await db.schema.dropTable('room_locks').execute();
    },
  };
}
