import 'server-only';

import { rememberCapability } from '@/lib/livekit/capabilities';
import * as livekit from '@/lib/livekit/room-service';
import { moveParticipantInputSchema } from '@/lib/schemas/participants';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

/**
 * Moves (leaves the source room) or forwards (also joins the destination) a participant. LiveKit
 * implements both only in Cloud (docs/livekit-behaviour.md §3.12); a self-hosted server answers
 * "not implemented", which is remembered so the UI can disable the action for that server.
 */
export const moveParticipant = defineOperation({
  name: 'moveParticipant',
  summary: 'Move or forward a participant to another room',
  description:
    '`move` takes the participant out of this room; `forward` keeps them here too. LiveKit Cloud only: a self-hosted server answers 501.',
  tag: 'Participants',
  input: moveParticipantInputSchema,
  output: null,
  permission: 'participants.move',
  http: { method: 'POST', path: '/rooms/{roomName}/participants/{identity}/move' },
  audit: {
    action: ({ mode }) => (mode === 'move' ? 'participant.moved' : 'participant.forwarded'),
    actions: ['participant.moved', 'participant.forwarded'],
    params: ({ destinationRoom }) => ({ destinationRoom }),
  },
  // The destination must be in scope too: a tenant may not push people into another tenant's room.
  rooms: ({ roomName, destinationRoom }) => [roomName, destinationRoom],
  errors: ['not_found', 'not_implemented'],
  async act(_context, { roomName, identity, destinationRoom, mode }) {
    try {
      await livekit.moveParticipant(mode, roomName, identity, destinationRoom);
      rememberCapability('moveParticipant', true);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'not_implemented') {
        rememberCapability('moveParticipant', false);
        throw new DomainError(
          'not_implemented',
          'Moving and forwarding participants needs LiveKit Cloud; this server does not support it.',
        );
      }
      throw err;
    }
    return null;
  },
});
