import 'server-only';

import { roomSchema } from '@/lib/contracts/dto';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import { defineOperation } from '../operation';

export const getRoom = defineOperation({
  name: 'getRoom',
  summary: 'Get a room',
  tag: 'Rooms',
  input: roomRefInputSchema,
  output: roomSchema,
  permission: 'rooms.read',
  http: { method: 'GET', path: '/rooms/{roomName}' },
  audit: { action: 'room.read' },
  errors: ['not_found'],
  // Fresh: this is what the room page polls for its counts.
  act: ({ room }, { roomName }) => room(roomName, { fresh: true }),
});
