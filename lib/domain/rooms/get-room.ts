import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import type { Actor } from '../actor';
import type { RoomDto } from '../dto';
import { assertCan, assertRoomVisible } from '../policy';
import { parseInput } from '../validate';

export async function getRoom(actor: Actor, input: unknown): Promise<RoomDto> {
  const { roomName } = parseInput(roomRefInputSchema, input);
  assertCan(actor, 'rooms.read');
  return assertRoomVisible(actor, await livekit.findRoom(roomName), roomName);
}
