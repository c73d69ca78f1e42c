import 'server-only';

import type { RoomDto } from '@/lib/contracts/dto';
import type { Permission } from '@/lib/contracts/permissions';

import { actorCan, type Actor } from './actor';
import { DomainError } from './errors';
import { findRoom } from './rooms/room-directory';

/** Throws `forbidden` unless the actor's grants include the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!actorCan(actor, permission)) {
    throw new DomainError('forbidden', 'You are not allowed to do this.');
  }
}

/** Whether a room is in the actor's scope: its tenant, and its room list when it has one. */
export function canSeeRoom(actor: Actor, room: Pick<RoomDto, 'name' | 'tenant'>): boolean {
  if (actor.rooms !== null && !actor.rooms.includes(room.name)) return false;
  return actor.tenant === null || room.tenant === actor.tenant;
}

/**
 * The room, if it exists and is in the actor's scope. Another tenant's room is reported as
 * `not_found`, never `forbidden`, so a tenant cannot even learn that the room exists (the masking
 * rule of the portal contract, docs/livekit-behaviour.md §10).
 */
export async function visibleRoom(
  actor: Actor,
  roomName: string,
  options: { fresh?: boolean } = {},
): Promise<RoomDto> {
  const room = await findRoom(roomName, options);
  if (!room || !canSeeRoom(actor, room)) {
    throw new DomainError('not_found', `Room “${roomName}” not found.`);
  }
  return room;
}
