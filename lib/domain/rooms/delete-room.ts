import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import type { Actor } from '../actor';
import { audited } from '../audit';
import { assertCan } from '../policy';
import { parseInput } from '../validate';

import { visibleRoom } from './visible-room';

/** Closes a room; LiveKit disconnects everyone with reason ROOM_DELETED. */
export async function deleteRoom(actor: Actor, input: unknown): Promise<{ disconnected: number }> {
  const { roomName } = parseInput(roomRefInputSchema, input);
  return audited(actor, 'room.deleted', { roomName }, undefined, async () => {
    assertCan(actor, 'rooms.delete');
    const room = await visibleRoom(actor, roomName);
    await livekit.deleteRoom(roomName);
    return { disconnected: room.numParticipants };
  });
}
