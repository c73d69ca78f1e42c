import 'server-only';

import { z } from 'zod';

import { participantSchema } from '@/lib/contracts/dto';
import * as livekit from '@/lib/livekit/room-service';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import { defineOperation } from '../operation';

/**
 * Participants of a visible room, ordered by join time. LiveKit answers an unknown room with an
 * empty list (docs/livekit-behaviour.md §3.4), so the room is checked first: unknown → not_found,
 * as for another tenant's room.
 */
export const listParticipants = defineOperation({
  name: 'listParticipants',
  summary: 'List the participants of a room',
  description: 'Ordered by join time, with their tracks and permissions.',
  tag: 'Participants',
  input: roomRefInputSchema,
  output: z.object({ participants: z.array(participantSchema) }),
  permission: 'rooms.read',
  http: { method: 'GET', path: '/rooms/{roomName}/participants' },
  audit: { action: 'participants.listed' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(_context, { roomName }) {
    const participants = await livekit.listParticipants(roomName);
    return {
      participants: participants.sort(
        (a, b) => a.joinedAtMs - b.joinedAtMs || a.identity.localeCompare(b.identity),
      ),
    };
  },
});
