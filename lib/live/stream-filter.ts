import 'server-only';

import type { LiveEvent, LiveEventOf } from '@/lib/contracts/live-events';
import type { Permission } from '@/lib/contracts/permissions';
import { actorCan, type Actor } from '@/lib/domain/actor';
import { canSeeRoom } from '@/lib/domain/policy';

import type { BufferedEvent } from './replay-buffer';

/** What a stream needs at all: the permission of listing rooms (lib/domain/rooms/list-rooms.ts). */
export const STREAM_PERMISSION: Permission = 'rooms.read';

/**
 * Permissions that make an actor a moderator of the rooms in its scope. Moderator actions carry
 * who did what to whom: they go to those who act on the room or read the audit log, not to viewers.
 */
const MODERATION_READERS: readonly Permission[] = [
  'audit.read',
  'rooms.update',
  'tracks.mute',
  'participants.remove',
  'participants.update',
];

/**
 * What a stream of `actor` receives for one buffered event: the event, a substitute, or nothing.
 *
 * The rules (tenant isolation is the point: a tenant user never receives, and cannot infer,
 * another tenant's events — not even that a room of a given name exists there):
 * 1. Every event is judged by the room's tenant *carried by the event* (the tenant when it
 *    happened) with the same `canSeeRoom` as the REST routes: tenant and room-list scope.
 * 2. A room that moves between tenants (its metadata's `auth_id` changed: a room.started/updated
 *    whose tenant differs from the one this instance knew before it) reaches an actor who could
 *    see it before and cannot now as a `room.finished` — same id, time and room name, the *old*
 *    tenant, the room's sid, and nothing of the new state. Their views drop the room exactly as if
 *    it had ended; what it became is not told. An actor who can see it only now gets the update
 *    (their list gains a row); one who sees it both before and after gets it unchanged.
 *    When the previous tenant is unknown nothing is synthesised: telling a stream that a room
 *    it may never have seen "finished" would itself reveal that the room exists.
 * 3. `moderation.action` goes only to actors who read the audit log or moderate (MODERATION_READERS),
 *    and rule 1 applies to it too: a tenant admin sees actions in their tenant's rooms only.
 * 4. An actor without `rooms.read` receives nothing (the route refuses such streams anyway).
 */
export function deliveryFor(actor: Actor, entry: BufferedEvent): LiveEvent | null {
  if (!actorCan(actor, STREAM_PERMISSION)) return null;
  const { event, previousTenant } = entry;
  const seesNow = canSeeRoom(actor, { name: event.roomName, tenant: event.tenant });

  if (event.type === 'room.started' || event.type === 'room.updated') {
    const moved = previousTenant !== undefined && previousTenant !== event.tenant;
    if (moved && !seesNow) {
      const sawBefore = canSeeRoom(actor, {
        name: event.roomName,
        tenant: previousTenant,
      });
      return sawBefore ? movedAway(event, previousTenant) : null;
    }
    return seesNow ? event : null;
  }

  if (!seesNow) return null;
  if (
    event.type === 'moderation.action' ||
    event.type === 'bulk.progress' ||
    event.type === 'bulk.cancel_requested'
  ) {
    return MODERATION_READERS.some((p) => actorCan(actor, p)) ? event : null;
  }
  return event;
}

/** Kept per event so a thousand streams of the old tenant share one object (and one frame). */
const removals = new WeakMap<LiveEvent, LiveEventOf<'room.finished'>>();

function movedAway(
  event: LiveEventOf<'room.started'> | LiveEventOf<'room.updated'>,
  previousTenant: string | null,
): LiveEventOf<'room.finished'> {
  let removal = removals.get(event);
  if (!removal) {
    removal = {
      id: event.id,
      atMs: event.atMs,
      origin: event.origin,
      roomName: event.roomName,
      tenant: previousTenant,
      type: 'room.finished',
      roomSid: event.room.sid,
    };
    removals.set(event, removal);
  }
  return removal;
}
