import 'server-only';

import { roomLockSchema } from '@/lib/contracts/room-locks';
import { deleteRoomLock, findRoomLock } from '@/lib/db/room-locks';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';
import { describeRoomLock } from './lock-rules';

/**
 * Unlocks a room: anyone may join again. A suspended room stays locked until its activity is
 * resumed (`conflict`): a suspension without its lock would let newcomers in with every right while
 * everyone else is silenced. Unlocking a room that is not locked is harmless.
 */
export const unlockRoom = defineOperation({
  name: 'unlockRoom',
  summary: 'Unlock a room',
  description:
    'Anyone may join again. Refused with `conflict` while the room’s activity is suspended: resume it instead (which unlocks the room when the suspension locked it). Repeating it is harmless.',
  tag: 'Rooms',
  input: roomRefInputSchema,
  output: roomLockSchema,
  permission: 'rooms.lock',
  http: { method: 'DELETE', path: '/rooms/{roomName}/lock' },
  audit: { action: 'room.unlocked' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found', 'conflict'],
  async act({ auditParams }, { roomName }) {
    const lock = await findRoomLock(roomName);
    if (lock?.suspendedAtMs != null) {
      throw new DomainError(
        'conflict',
        'The room’s activity is suspended: resume it to unlock the room.',
      );
    }
    auditParams.wasLocked = await deleteRoomLock(roomName);
    return describeRoomLock(roomName);
  },
});
