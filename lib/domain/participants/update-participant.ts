import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { updateParticipantInputSchema } from '@/lib/schemas/participants';

import type { Actor } from '../actor';
import { audited } from '../audit';
import type { ParticipantDto } from '../dto';
import { assertCan } from '../policy';
import { visibleRoom } from '../rooms/visible-room';
import { parseInput } from '../validate';

/**
 * Name, metadata and attributes. LiveKit ignores an empty name or metadata (they cannot be cleared
 * through this API) and deletes attributes whose value is "" (semantics §3.8).
 */
export async function updateParticipant(actor: Actor, input: unknown): Promise<ParticipantDto> {
  const { roomName, identity, name, metadata, attributes } = parseInput(
    updateParticipantInputSchema,
    input,
  );
  const params = {
    ...(name !== undefined ? { name } : {}),
    ...(metadata !== undefined ? { metadataBytes: metadata.length } : {}),
    ...(attributes ? { attributes } : {}),
  };
  return audited(actor, 'participant.updated', { roomName, identity }, params, async () => {
    assertCan(actor, 'participants.update');
    await visibleRoom(actor, roomName);
    return livekit.updateParticipant(roomName, identity, { name, metadata, attributes });
  });
}
