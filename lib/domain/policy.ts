import 'server-only';

import { can, type Permission } from '@/lib/policy/permissions';

import type { Actor } from './actor';
import type { RoomDto } from './dto';
import { DomainError } from './errors';

/** Throws `forbidden` unless the actor's role grants the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new DomainError('forbidden', 'Your role does not allow this action.');
  }
}

/** Whether a tenant-bound actor may see the room. Unbound actors see every room. */
export function canSeeRoom(actor: Actor, room: Pick<RoomDto, 'tenant'>): boolean {
  return actor.tenant === null || room.tenant === actor.tenant;
}

/**
 * Another tenant's room is reported as `not_found`, never `forbidden`, so a tenant cannot even learn
 * that the room exists (the masking rule of spec seeds 003/004).
 */
export function assertRoomVisible(actor: Actor, room: RoomDto | null, roomName: string): RoomDto {
  if (!room || !canSeeRoom(actor, room)) {
    throw new DomainError('not_found', `Room “${roomName}” not found.`);
  }
  return room;
}
