import 'server-only';

import * as livekit from '@/lib/livekit/room-service';

import type { Actor } from '../actor';
import type { RoomDto } from '../dto';
import { assertRoomVisible } from '../policy';

/** The room, if it exists and the actor's tenant may see it; `not_found` otherwise. */
export async function visibleRoom(actor: Actor, roomName: string): Promise<RoomDto> {
  return assertRoomVisible(actor, await livekit.findRoom(roomName), roomName);
}
