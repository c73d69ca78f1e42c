import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import type { Actor } from '../actor';
import type { ParticipantDto } from '../dto';
import { assertCan, assertRoomVisible } from '../policy';
import { parseInput } from '../validate';

/**
 * Participants of a visible room, ordered by join time. LiveKit answers an unknown room with an
 * empty list (semantics §3.4), so the room is looked up first: unknown → not_found, as for a tenant.
 */
export async function listParticipants(actor: Actor, input: unknown): Promise<ParticipantDto[]> {
  const { roomName } = parseInput(roomRefInputSchema, input);
  assertCan(actor, 'rooms.read');
  assertRoomVisible(actor, await livekit.findRoom(roomName), roomName);
  const participants = await livekit.listParticipants(roomName);
  return participants.sort(
    (a, b) => a.joinedAtMs - b.joinedAtMs || a.identity.localeCompare(b.identity),
  );
}
