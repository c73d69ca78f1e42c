import 'server-only';

import { roomLockListSchema } from '@/lib/contracts/room-locks';
import { listRoomLocks as listStoredLocks } from '@/lib/db/room-locks';
import { listRoomLocksInputSchema } from '@/lib/schemas/room-locks';

import { defineOperation } from '../operation';
import { canSeeLock, toRoomLockDto } from './lock-rules';

/**
 * The locked and suspended rooms the caller may see (the rooms page's badges). A store read only:
 * LiveKit is not asked, so a lock of a room that has ended is listed until unlocked.
 */
export const listRoomLocks = defineOperation({
  name: 'listRoomLocks',
  summary: 'List locked rooms',
  description:
    'Every locked or suspended room the caller may see (its tenant, its rooms), by name; `suspendedIdentities` is left empty here (see GET /rooms/{roomName}/lock).',
  tag: 'Rooms',
  input: listRoomLocksInputSchema,
  output: roomLockListSchema,
  permission: 'rooms.read',
  http: { method: 'GET', path: '/room-locks' },
  audit: { action: 'rooms.locks_listed' },
  errors: [],
  async act({ actor }) {
    const locks = await listStoredLocks();
    return {
      locks: locks
        .filter((lock) => canSeeLock(actor, lock))
        .map((lock) => toRoomLockDto(lock.roomName, lock, [])),
    };
  },
});
