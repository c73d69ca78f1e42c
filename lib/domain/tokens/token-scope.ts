import 'server-only';

import { SERVER_WIDE_GRANTS, VIDEO_GRANT_FLAGS } from '@/lib/contracts/tokens';
import {
  roomConfigurationInputSchema,
  type GenerateTokenOptions,
  type RoomConfigurationOptions,
} from '@/lib/schemas/tokens';

import type { Actor } from '../actor';
import { banLasts, findActiveBan, refuseBannedJoin } from '../bans/ban-rules';
import { DomainError } from '../errors';
import type { OperationContext } from '../operation';
import { findRoom } from '../rooms/room-directory';
import { tenantOf, withTenant } from '../tenant';

/** A caller bound to a tenant or limited to some rooms: its tokens stay within that scope. */
export function isScoped(actor: Pick<Actor, 'tenant' | 'rooms'>): boolean {
  return actor.tenant !== null || actor.rooms !== null;
}

/**
 * Refuses grants that act on every room of the LiveKit server (create/delete, list, record,
 * ingress, agent workers) to a scoped caller: a token cannot be limited to a tenant, so such a
 * grant would reach other tenants' rooms.
 */
export function refuseServerWideGrants(actor: Actor, video: GenerateTokenOptions['video']): void {
  if (!isScoped(actor)) return;
  const granted = SERVER_WIDE_GRANTS.filter((key) => video[key] === true);
  if (granted.length === 0) return;
  const labels = granted.map((key) => `“${VIDEO_GRANT_FLAGS[key].label}”`).join(', ');
  const scope = actor.tenant !== null ? `rooms of tenant ${actor.tenant}` : 'your rooms';
  throw new DomainError(
    'forbidden',
    `${labels} reach every room of the LiveKit server; you may only grant access to ${scope}.`,
    {
      fieldErrors: Object.fromEntries(
        granted.map((key) => [`video.${key}`, ['Reaches every room of the server']]),
      ),
    },
  );
}

/**
 * The tenant of a room a token names, checking the caller may name it: a scoped caller only rooms
 * in its scope that exist now (another tenant's room, or none, is `not_found` as everywhere); an
 * unscoped admin any name, also of a room the token's join will create — whose tenant is then the
 * one its room configuration carries.
 */
export async function tenantOfTokenRoom(
  context: Pick<OperationContext, 'actor' | 'room'>,
  roomName: string,
  roomConfig: RoomConfigurationOptions | undefined,
): Promise<string | null> {
  if (isScoped(context.actor)) return (await context.room(roomName)).tenant;
  const existing = await findRoom(roomName);
  return existing ? existing.tenant : tenantOf(roomConfig?.metadata ?? '');
}

/**
 * The room configuration to sign. A tenant-bound caller's join tokens always carry one whose
 * metadata holds its `auth_id` (added when missing, refused when another tenant's): should the
 * room be gone when the token is used, the join creates it again as that tenant's room, as
 * createRoom would (lib/domain/tenant.ts).
 */
export function scopedRoomConfig(
  actor: Actor,
  input: Pick<GenerateTokenOptions, 'video' | 'roomConfig'>,
): RoomConfigurationOptions | undefined {
  if (actor.tenant === null || !input.video.roomJoin) return input.roomConfig;
  const config = input.roomConfig ?? roomConfigurationInputSchema.parse({});
  try {
    return { ...config, metadata: withTenant(config.metadata, actor.tenant) };
  } catch (err) {
    if (!(err instanceof DomainError) || !err.fieldErrors) throw err;
    throw new DomainError(err.code, err.message, {
      fieldErrors: { 'roomConfig.metadata': err.fieldErrors.metadata ?? [err.message] },
    });
  }
}

/**
 * Moderato issues no token to a banned identity (docs/bans.md): for the token's room and the room
 * it may move people into, with the same refusal as the join tokens; a token without a room only
 * when a ban covers every room (of the caller's tenant, or of every tenant).
 */
export async function refuseBannedIdentity(
  actor: Actor,
  identity: string,
  name: string,
  rooms: ReadonlyArray<{ roomName: string; roomTenant: string | null }>,
): Promise<void> {
  const options = { name: name || undefined };
  for (const { roomName, roomTenant } of rooms) {
    await refuseBannedJoin(roomName, identity, { ...options, roomTenant });
  }
  if (rooms.length > 0) return;
  // No room is named '': only bans of every room can cover it.
  const ban = await findActiveBan('', identity, { ...options, roomTenant: actor.tenant });
  if (!ban) return;
  throw new DomainError('forbidden', `${identity} is banned from every room ${banLasts(ban)}.`);
}
