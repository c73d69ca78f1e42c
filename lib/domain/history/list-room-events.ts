import 'server-only';

import { roomEventPageSchema } from '@/lib/contracts/history';
import { queryRoomEvents, roomHasHistory } from '@/lib/db/history';
import { roomEventsInputSchema } from '@/lib/schemas/history';

import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { defineOperation } from '../operation';
import { canSeeRoom } from '../policy';
import { findRoom } from '../rooms/room-directory';

import { visibleSession } from './history-scope';

/** A room's activity timeline, newest first: live rooms and ended ones alike. */
export const listRoomEvents = defineOperation({
  name: 'listRoomEvents',
  summary: 'List a room’s activity',
  description:
    'The room’s timeline, newest first: joins, leaves with LiveKit’s reason, publishes, mutes, metadata changes and moderator actions, of live and ended sessions. `roomSid` keeps one session’s entries, `type` some event types. Pass `nextCursor` back as `cursor` for older entries.',
  tag: 'Rooms',
  input: roomEventsInputSchema,
  output: roomEventPageSchema,
  permission: 'rooms.read',
  http: { method: 'GET', path: '/rooms/{roomName}/events' },
  audit: { action: 'room.events_listed' },
  errors: ['not_found'],
  async act({ actor }, input) {
    if (input.roomSid !== undefined) {
      const session = await visibleSession(actor, input.roomSid);
      if (session.roomName !== input.roomName) throw notFound(input.roomName);
    } else {
      await assertRoomVisible(actor, input.roomName);
    }
    return queryRoomEvents({
      roomName: input.roomName,
      roomSid: input.roomSid,
      types: input.type,
      // A name another tenant's room also had keeps that tenant's entries out.
      tenant: actor.tenant ?? undefined,
      cursor: input.cursor,
      limit: input.limit,
    });
  },
});

const notFound = (roomName: string) =>
  new DomainError('not_found', `Room “${roomName}” not found.`);

/**
 * The room is in the caller's scope if it has a recorded session the caller may see, or is live
 * and in scope now; otherwise it is `not_found`, whether it never existed or is another tenant's.
 */
async function assertRoomVisible(actor: Actor, roomName: string): Promise<void> {
  if (actor.rooms !== null && !actor.rooms.includes(roomName)) throw notFound(roomName);
  if (await roomHasHistory(roomName, actor.tenant ?? undefined)) return;
  const live = await findRoom(roomName);
  if (!live || !canSeeRoom(actor, live)) throw notFound(roomName);
}
