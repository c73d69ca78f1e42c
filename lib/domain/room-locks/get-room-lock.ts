import 'server-only';

import { roomLockSchema } from '@/lib/contracts/room-locks';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import { defineOperation } from '../operation';
import { describeRoomLock } from './lock-rules';

/** Whether a room is locked or suspended, its allow-list and whose rights a suspension took. */
export const getRoomLock = defineOperation({
  name: 'getRoomLock',
  summary: 'Get a room’s lock',
  description:
    '`locked`: whoever joins is removed unless exempt; `suspended`: everyone but moderators lost their publish rights until resumed; `suspendedIdentities`: whose rights Resume gives back.',
  tag: 'Rooms',
  input: roomRefInputSchema,
  output: roomLockSchema,
  permission: 'rooms.read',
  http: { method: 'GET', path: '/rooms/{roomName}/lock' },
  audit: { action: 'room.lock_read' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  act: (_context, { roomName }) => describeRoomLock(roomName),
});
