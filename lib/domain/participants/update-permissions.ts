import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { TOKEN_DEFAULT_PERMISSION, updatePermissionsInputSchema } from '@/lib/schemas/participants';

import type { Actor } from '../actor';
import { audited } from '../audit';
import type { ParticipantDto } from '../dto';
import { assertCan } from '../policy';
import { visibleRoom } from '../rooms/visible-room';
import { parseInput } from '../validate';

/**
 * Applies the moderator's changes on top of the participant's current permission and sends the
 * complete set: LiveKit replaces it wholesale, and an omitted field would silently become false.
 * Revoking publish rights (or a source) makes LiveKit unpublish the affected tracks at once.
 */
export async function updatePermissions(actor: Actor, input: unknown): Promise<ParticipantDto> {
  const { roomName, identity, permission } = parseInput(updatePermissionsInputSchema, input);
  const target = { roomName, identity };
  return audited(actor, 'participant.permissions_updated', target, permission, async () => {
    assertCan(actor, 'participants.update');
    await visibleRoom(actor, roomName);
    const current = await livekit.getParticipant(roomName, identity);
    const next = { ...(current.permission ?? TOKEN_DEFAULT_PERMISSION), ...permission };
    return livekit.updateParticipant(roomName, identity, { permission: next });
  });
}
