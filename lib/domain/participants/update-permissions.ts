import 'server-only';

import { participantSchema } from '@/lib/contracts/dto';
import { TOKEN_DEFAULT_PERMISSION } from '@/lib/contracts/participant-permission';
import * as livekit from '@/lib/livekit/room-service';
import { updatePermissionsInputSchema } from '@/lib/schemas/participants';

import { defineOperation } from '../operation';

/**
 * Applies the moderator's changes on top of the participant's current permission and sends the
 * complete set: LiveKit replaces it wholesale, and an omitted field would silently become false
 * (docs/livekit-behaviour.md §3.8). Revoking publish rights (or a source) makes LiveKit unpublish
 * the affected tracks at once.
 */
export const updatePermissions = defineOperation({
  name: 'updatePermissions',
  summary: 'Change a participant’s permissions',
  description:
    'A patch: only the given fields change; the rest of the current permission is kept (LiveKit itself would reset omitted fields). Revoking publish rights unpublishes the affected tracks.',
  tag: 'Participants',
  input: updatePermissionsInputSchema,
  output: participantSchema,
  permission: 'participants.update',
  http: { method: 'PATCH', path: '/rooms/{roomName}/participants/{identity}/permission' },
  audit: { action: 'participant.permissions_updated', params: ({ permission }) => permission },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(_context, { roomName, identity, permission }) {
    const current = await livekit.getParticipant(roomName, identity);
    const next = { ...(current.permission ?? TOKEN_DEFAULT_PERMISSION), ...permission };
    return livekit.updateParticipant(roomName, identity, { permission: next });
  },
});
