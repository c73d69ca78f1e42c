import 'server-only';

import { participantSchema } from '@/lib/contracts/dto';
import * as livekit from '@/lib/livekit/room-service';
import { participantRefInputSchema } from '@/lib/schemas/rooms';

import { defineOperation } from '../operation';

export const getParticipant = defineOperation({
  name: 'getParticipant',
  summary: 'Get a participant',
  tag: 'Participants',
  input: participantRefInputSchema,
  output: participantSchema,
  permission: 'rooms.read',
  http: { method: 'GET', path: '/rooms/{roomName}/participants/{identity}' },
  audit: { action: 'participant.read' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  act: (_context, { roomName, identity }) => livekit.getParticipant(roomName, identity),
});
