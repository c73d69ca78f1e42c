import 'server-only';

import { z } from 'zod';

import * as livekit from '@/lib/livekit/room-service';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import { defineOperation } from '../operation';

import { forgetRoom } from './room-directory';

/** Closes a room; LiveKit disconnects everyone with reason ROOM_DELETED. */
export const deleteRoom = defineOperation({
  name: 'deleteRoom',
  summary: 'Delete (close) a room',
  description: 'Disconnects everyone in the room (reason ROOM_DELETED) and closes it.',
  tag: 'Rooms',
  input: roomRefInputSchema,
  output: z.object({ disconnected: z.number().int() }),
  permission: 'rooms.delete',
  http: { method: 'DELETE', path: '/rooms/{roomName}' },
  audit: { action: 'room.deleted' },
  errors: ['not_found'],
  async act({ room }, { roomName }) {
    const current = await room(roomName, { fresh: true });
    try {
      await livekit.deleteRoom(roomName);
    } finally {
      forgetRoom(roomName);
    }
    return { disconnected: current.numParticipants };
  },
});
