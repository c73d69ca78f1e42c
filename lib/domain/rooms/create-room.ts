import 'server-only';

import { roomSchema } from '@/lib/contracts/dto';
import * as livekit from '@/lib/livekit/room-service';
import { createRoomInputSchema, type CreateRoomOptions } from '@/lib/schemas/rooms';

import { defineOperation } from '../operation';
import { takenNameError } from '../taken-name';
import { withTenant } from '../tenant';

import { findRoom, forgetRoom, withTenantOf } from './room-directory';

/**
 * Creates a room with every CreateRoom option. LiveKit's CreateRoom is get-or-create and silently
 * ignores new options for an existing room (docs/livekit-behaviour.md §3.1), so an existing name is
 * refused: a `conflict`, or for a tenant-bound caller the neutral error of takenNameError() — room
 * names are global in LiveKit, and it must not learn that another tenant has one. A tenant-bound
 * caller's rooms always carry its `auth_id`.
 */
export const createRoom = defineOperation({
  name: 'createRoom',
  summary: 'Create a room',
  description:
    'Creates a room with every LiveKit CreateRoom option. An existing name answers 409 (LiveKit would silently return the existing room); a tenant-bound caller gets 400 “not available” instead, whichever tenant has the room.',
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
      throw takenNameError(actor, {
        field: 'roomName',
        label: 'room name',
        what: 'room',
        name: roomName,
      });
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
