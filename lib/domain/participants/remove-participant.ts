import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { removeParticipantInputSchema } from '@/lib/schemas/participants';

import { defineOperation } from '../operation';

/**
 * Disconnects a participant (reason PARTICIPANT_REMOVED). It does not revoke their token: they can
 * rejoin until it expires (docs/livekit-behaviour.md §3.6, §11), which the UI says in the confirmation.
 */
export const removeParticipant = defineOperation({
  name: 'removeParticipant',
  summary: 'Remove a participant',
  description:
    'Disconnects the participant (reason PARTICIPANT_REMOVED). Their token stays valid: they can rejoin until it expires.',
  tag: 'Participants',
  input: removeParticipantInputSchema,
  output: null,
  permission: 'participants.remove',
  http: { method: 'DELETE', path: '/rooms/{roomName}/participants/{identity}' },
  audit: { action: 'participant.removed' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(_context, { roomName, identity }) {
    await livekit.removeParticipant(roomName, identity);
    return null;
  },
});
