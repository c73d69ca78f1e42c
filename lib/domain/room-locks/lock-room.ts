import 'server-only';

import { roomLockSchema } from '@/lib/contracts/room-locks';
import { saveRoomLock } from '@/lib/db/room-locks';
import { lockRoomInputSchema } from '@/lib/schemas/room-locks';

import { moderatorName } from '../moderation/moderator-identity';
import { defineOperation } from '../operation';
import { describeRoomLock } from './lock-rules';
import { sealRoom } from './seal-room';

/**
 * Locks a room: from now on, whoever joins is told why (topic `moderato.room_locked`) and removed
 * at once (lib/live/room-lock-enforcer.ts), unless their identity is on the allow-list or they are
 * a moderator, an agent, egress or a recorder (lock-rules.ts). Those in the room stay. Locking a
 * locked room replaces its allow-list.
 */
export const lockRoom = defineOperation({
  name: 'lockRoom',
  summary: 'Lock a room',
  description:
    'Whoever joins after the lock is sent a reliable data message on topic `moderato.room_locked` and removed, until the room is unlocked; identities on `allowList`, moderators (hidden participants, `role` attribute `moderator`, Moderato’s own `moderato:` identities), agents, egress and recorders may still join. Participants already in the room stay. On a locked room, replaces the allow-list.',
  tag: 'Rooms',
  input: lockRoomInputSchema,
  output: roomLockSchema,
  permission: 'rooms.lock',
  http: { method: 'PUT', path: '/rooms/{roomName}/lock' },
  audit: { action: 'room.locked', params: ({ allowList }) => ({ allowList }) },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ actor, room, auditParams }, { roomName, allowList }) {
    const { tenant } = await room(roomName);
    await sealRoom(roomName, tenant, async () => {
      const saved = await saveRoomLock({
        roomName,
        tenant,
        allowList,
        lockedBy: moderatorName(actor),
      });
      auditParams.alreadyLocked = !saved.created;
      return saved;
    });
    return describeRoomLock(roomName);
  },
});
