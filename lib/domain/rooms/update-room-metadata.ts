import 'server-only';

import { roomSchema } from '@/lib/contracts/dto';
import * as livekit from '@/lib/livekit/room-service';
import { updateRoomMetadataInputSchema } from '@/lib/schemas/rooms';

import { defineOperation } from '../operation';
import { withTenant } from '../tenant';

import { forgetRoom, withTenantOf } from './room-directory';

export const updateRoomMetadata = defineOperation({
  name: 'updateRoomMetadata',
  summary: 'Replace a room’s metadata',
  description: 'An empty string clears it. A tenant-bound caller’s rooms keep its `auth_id`.',
  tag: 'Rooms',
  input: updateRoomMetadataInputSchema,
  output: roomSchema,
  permission: 'rooms.update',
  http: { method: 'PATCH', path: '/rooms/{roomName}' },
  audit: {
    action: 'room.metadata_updated',
    params: ({ metadata }) => ({ metadataBytes: metadata.length }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ actor }, { roomName, metadata }) {
    // A tenant-bound moderator keeps the room in its tenant whatever it types.
    const next = actor.tenant ? withTenant(metadata, actor.tenant) : metadata;
    try {
      return withTenantOf(await livekit.updateRoomMetadata(roomName, next));
    } finally {
      forgetRoom(roomName);
    }
  },
});
