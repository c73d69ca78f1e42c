import 'server-only';

import { z } from 'zod';

import { roomSchema } from '@/lib/contracts/dto';
import * as livekit from '@/lib/livekit/room-service';

import { defineOperation } from '../operation';
import { canSeeRoom } from '../policy';

import { withTenantOf } from './room-directory';

/** Every active room the actor may see, newest first. */
export const listRooms = defineOperation({
  name: 'listRooms',
  summary: 'List rooms',
  description: 'Every active room in the caller’s scope, newest first.',
  tag: 'Rooms',
  input: z.strictObject({}),
  output: z.object({ rooms: z.array(roomSchema) }),
  permission: 'rooms.read',
  http: { method: 'GET', path: '/rooms' },
  audit: { action: 'rooms.listed' },
  errors: [],
  async act({ actor }) {
    const rooms = (await livekit.listRooms()).map(withTenantOf);
    return {
      rooms: rooms
        .filter((room) => canSeeRoom(actor, room))
        .sort((a, b) => b.creationTimeMs - a.creationTimeMs || a.name.localeCompare(b.name)),
    };
  },
});
