import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { updatePermissionsInputSchema } from '@/lib/schemas/participants';

import type { Actor } from '../actor';
import { audited } from '../audit';
import type { ParticipantDto, ParticipantPermissionDto } from '../dto';
import { assertCan } from '../policy';
import { visibleRoom } from '../rooms/visible-room';
import { parseInput } from '../validate';

/** Join-token defaults (semantics §4.4), for a participant LiveKit reports without a permission. */
const TOKEN_DEFAULTS: ParticipantPermissionDto = {
  canSubscribe: true,
  canPublish: true,
  canPublishData: true,
  canPublishSources: [],
  hidden: false,
  recorder: false,
  canUpdateMetadata: false,
  agent: false,
  canSubscribeMetrics: false,
  canManageAgentSession: false,
};

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
    const next = { ...(current.permission ?? TOKEN_DEFAULTS), ...permission };
    return livekit.updateParticipant(roomName, identity, { permission: next });
  });
}
