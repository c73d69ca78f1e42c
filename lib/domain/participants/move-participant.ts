import 'server-only';

import { rememberCapability } from '@/lib/livekit/capabilities';
import * as livekit from '@/lib/livekit/room-service';
import { moveParticipantInputSchema } from '@/lib/schemas/participants';

import type { Actor } from '../actor';
import { audited } from '../audit';
import { DomainError } from '../errors';
import { assertCan } from '../policy';
import { visibleRoom } from '../rooms/visible-room';
import { parseInput } from '../validate';

/**
 * Moves (leaves the source room) or forwards (also joins the destination) a participant. LiveKit
 * implements both only in Cloud; a self-hosted server answers "not implemented", which is remembered
 * so the UI can disable the action for that server.
 */
export async function moveParticipant(actor: Actor, input: unknown): Promise<void> {
  const { roomName, identity, destinationRoom, mode } = parseInput(
    moveParticipantInputSchema,
    input,
  );
  const action = mode === 'move' ? 'participant.moved' : 'participant.forwarded';
  await audited(actor, action, { roomName, identity }, { destinationRoom }, async () => {
    assertCan(actor, 'participants.move');
    await visibleRoom(actor, roomName);
    // The destination must be visible too: a tenant may not push people into another tenant's room.
    await visibleRoom(actor, destinationRoom);
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
  });
}
