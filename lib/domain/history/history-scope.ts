import 'server-only';

import type { RoomSessionDto, RoomSessionPageDto } from '@/lib/contracts/history';
import { findRoomSession, queryRoomSessions } from '@/lib/db/history';
import type { HistoryFilters } from '@/lib/schemas/history';

import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { canSeeRoom } from '../policy';

/**
 * History follows the rooms' rules (policy.ts): a tenant-bound caller sees its tenant's sessions
 * only, a caller limited to some rooms sees those rooms' only, and another tenant's session is
 * `not_found`. The tenant is the one the room had when the session was recorded.
 */
export function queryVisibleSessions(
  actor: Actor,
  filters: Omit<HistoryFilters, 'limit' | 'cursor'> & { cursor?: string; limit?: number },
): Promise<RoomSessionPageDto> {
  // Asking for another tenant than one's own finds nothing, like an unknown tenant.
  if (actor.tenant !== null && filters.tenant !== undefined && filters.tenant !== actor.tenant) {
    return Promise.resolve({ sessions: [], nextCursor: null });
  }
  return queryRoomSessions({
    q: filters.q,
    tenant: actor.tenant ?? filters.tenant,
    roomNames: actor.rooms ?? undefined,
    fromMs: filters.from,
    toMs: filters.to,
    status: filters.status,
    cursor: filters.cursor,
    limit: filters.limit,
  });
}

export async function visibleSession(actor: Actor, roomSid: string): Promise<RoomSessionDto> {
  const session = await findRoomSession(roomSid);
  if (!session || !canSeeRoom(actor, { name: session.roomName, tenant: session.tenant })) {
    throw new DomainError('not_found', 'Room session not found.');
  }
  return session;
}
