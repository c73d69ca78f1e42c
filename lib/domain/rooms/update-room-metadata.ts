import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { updateRoomMetadataInputSchema } from '@/lib/schemas/rooms';

import type { Actor } from '../actor';
import { audited } from '../audit';
import type { RoomDto } from '../dto';
import { assertCan } from '../policy';
import { withTenant } from '../tenant';
import { parseInput } from '../validate';

import { visibleRoom } from './visible-room';

export async function updateRoomMetadata(actor: Actor, input: unknown): Promise<RoomDto> {
  const { roomName, metadata } = parseInput(updateRoomMetadataInputSchema, input);
  const params = { metadataBytes: metadata.length };
  return audited(actor, 'room.metadata_updated', { roomName }, params, async () => {
    assertCan(actor, 'rooms.update');
    await visibleRoom(actor, roomName);
    // A tenant-bound moderator keeps the room in its tenant whatever it types.
    const next = actor.tenant ? withTenant(metadata, actor.tenant) : metadata;
    return livekit.updateRoomMetadata(roomName, next);
  });
}
