import 'server-only';

import { participantSchema } from '@/lib/contracts/dto';
import * as livekit from '@/lib/livekit/room-service';
import { updateParticipantInputSchema } from '@/lib/schemas/participants';

import { defineOperation } from '../operation';

/**
 * Name, metadata and attributes. LiveKit ignores an empty name or metadata (they cannot be cleared
 * through this API) and deletes attributes whose value is "" (docs/livekit-behaviour.md §3.8).
 */
export const updateParticipant = defineOperation({
  name: 'updateParticipant',
  summary: 'Change a participant’s name, metadata or attributes',
  description:
    'Omitted fields stay as they are; an empty name or metadata is ignored by LiveKit. Attributes merge, and an attribute set to "" is deleted.',
  tag: 'Participants',
  input: updateParticipantInputSchema,
  output: participantSchema,
  permission: 'participants.update',
  http: { method: 'PATCH', path: '/rooms/{roomName}/participants/{identity}' },
  audit: {
    action: 'participant.updated',
    params: ({ name, metadata, attributes }) => ({
      ...(name !== undefined ? { name } : {}),
      ...(metadata !== undefined ? { metadataBytes: metadata.length } : {}),
      ...(attributes ? { attributes } : {}),
    }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  act: (_context, { roomName, identity, name, metadata, attributes }) =>
    livekit.updateParticipant(roomName, identity, { name, metadata, attributes }),
});
