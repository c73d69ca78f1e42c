import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { removeParticipantInputSchema } from '@/lib/schemas/participants';

import type { Actor } from '../actor';
import { audited } from '../audit';
import { assertCan } from '../policy';
import { visibleRoom } from '../rooms/visible-room';
import { parseInput } from '../validate';

/**
 * Disconnects a participant (reason PARTICIPANT_REMOVED). It does not revoke their token: they can
 * rejoin until it expires (seed 001's note), which the UI says in the confirmation.
 */
export async function removeParticipant(actor: Actor, input: unknown): Promise<void> {
  const { roomName, identity } = parseInput(removeParticipantInputSchema, input);
  await audited(actor, 'participant.removed', { roomName, identity }, undefined, async () => {
    assertCan(actor, 'participants.remove');
    await visibleRoom(actor, roomName);
    await livekit.removeParticipant(roomName, identity);
  });
}
