import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { participantRefInputSchema } from '@/lib/schemas/rooms';

import type { Actor } from '../actor';
import type { ParticipantDto } from '../dto';
import { assertCan, assertRoomVisible } from '../policy';
import { parseInput } from '../validate';

export async function getParticipant(actor: Actor, input: unknown): Promise<ParticipantDto> {
  const { roomName, identity } = parseInput(participantRefInputSchema, input);
  assertCan(actor, 'rooms.read');
  assertRoomVisible(actor, await livekit.findRoom(roomName), roomName);
  return livekit.getParticipant(roomName, identity);
}
