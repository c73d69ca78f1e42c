import 'server-only';

import * as livekit from '@/lib/livekit/room-service';

import type { Actor } from '../actor';
import type { RoomDto } from '../dto';
import { assertCan, canSeeRoom } from '../policy';

/** Every active room the actor may see, newest first. Reads are not audited. */
export async function listRooms(actor: Actor): Promise<RoomDto[]> {
  assertCan(actor, 'rooms.read');
  const rooms = await livekit.listRooms();
  return rooms
    .filter((room) => canSeeRoom(actor, room))
    .sort((a, b) => b.creationTimeMs - a.creationTimeMs || a.name.localeCompare(b.name));
}
