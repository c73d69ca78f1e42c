import 'server-only';

import * as livekit from '@/lib/livekit/room-service';
import { createRoomInputSchema } from '@/lib/schemas/rooms';

import type { Actor } from '../actor';
import { audited } from '../audit';
import type { RoomDto } from '../dto';
import { DomainError } from '../errors';
import { assertCan } from '../policy';
import { withTenant } from '../tenant';
import { parseInput } from '../validate';

/**
 * Creates a room with every CreateRoom option. LiveKit's CreateRoom is get-or-create and silently
 * ignores new options for an existing room (semantics §3.1), so an existing name is a `conflict`.
 * A tenant-bound admin's rooms always carry its `auth_id`.
 */
export async function createRoom(actor: Actor, input: unknown): Promise<RoomDto> {
  const options = parseInput(createRoomInputSchema, input);
  const { roomName } = options;
  return audited(actor, 'room.created', { roomName }, summarize(options), async () => {
    assertCan(actor, 'rooms.create');
    const metadata = actor.tenant ? withTenant(options.metadata, actor.tenant) : options.metadata;
    if (await livekit.findRoom(roomName)) {
      throw new DomainError('conflict', `A room named “${roomName}” already exists.`);
    }
    return livekit.createRoom({ ...options, metadata });
  });
}

function summarize(options: ReturnType<typeof createRoomInputSchema.parse>) {
  const { roomName: _roomName, metadata, ...rest } = options;
  return { ...rest, metadataBytes: metadata.length };
}
