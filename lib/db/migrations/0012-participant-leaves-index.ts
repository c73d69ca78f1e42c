import 'server-only';

import type { Kysely, Migration } from 'kysely';

/**
 * participant_sessions(room_sid, left_at): with (room_sid, joined_at) from 0004, the history's peak
 * (sessions open at a join = joined by then − left by then, lib/db/history.ts `raisePeak`) is two
 * index range counts instead of a read of every earlier session of the room per join.
 */
export function participantLeavesIndexMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('participant_sessions_room_left_idx')
        .on('participant_sessions')
        .columns(['room_sid', 'left_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('participant_sessions_room_left_idx').execute();
    },
  };
}
