import 'server-only';

import { roomSchema } from '@/lib/contracts/dto';
import * as livekit from '@/lib/livekit/room-service';
import { createRoomInputSchema, type CreateRoomOptions } from '@/lib/schemas/rooms';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';
import { withTenant } from '../tenant';

import { findRoom, forgetRoom, withTenantOf } from './room-directory';

/**
 * Creates a room with every CreateRoom option. LiveKit's CreateRoom is get-or-create and silently
 * ignores new options for an existing room (docs/livekit-behaviour.md §3.1), so an existing name is
 * a `conflict`. A tenant-bound caller's rooms always carry its `auth_id`.
 */
export const createRoom = defineOperation({
  name: 'createRoom',
  summary: 'Create a room',
  description:
    'Creates a room with every LiveKit CreateRoom option. An existing name answers 409 (LiveKit would silently return the existing room).',
  tag: 'Rooms',
  input: createRoomInputSchema,
  output: roomSchema,
  permission: 'rooms.create',
  http: { method: 'POST', path: '/rooms', status: 201 },
  audit: { action: 'room.created', params: summarize },
  errors: ['conflict'],
  async act({ actor }, options) {
    const { roomName } = options;
    const metadata = actor.tenant ? withTenant(options.metadata, actor.tenant) : options.metadata;
    if (await findRoom(roomName, { fresh: true })) {
      throw new DomainError('conflict', `A room named “${roomName}” already exists.`);
    }
    const room = withTenantOf(await livekit.createRoom({ ...options, metadata }));
    forgetRoom(roomName);
    return room;
  },
});

function summarize(options: CreateRoomOptions) {
  const { roomName: _roomName, metadata, ...rest } = options;
  return { ...rest, metadataBytes: metadata.length };
}
