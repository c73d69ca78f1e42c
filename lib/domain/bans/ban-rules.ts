import 'server-only';

import type { BanDto } from '@/lib/contracts/bans';
import { findBanById, listActiveBans, type StoredBan } from '@/lib/db/bans';
import { formatAbsolute } from '@/lib/utils';

import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { managesTenant } from '../tenant';

/**
 * Who sees and lifts a ban: a tenant-bound caller only its tenant's (a global ban, issued by a
 * caller bound to no tenant, is the operator's: tenants neither see nor lift it, though it holds in
 * their rooms too); a caller limited to some rooms (an API key, an embed token) only bans of those
 * rooms.
 */
export function canSeeBan(actor: Actor, ban: Pick<StoredBan, 'tenant' | 'roomName'>): boolean {
  if (!managesTenant(actor, ban.tenant)) return false;
  if (actor.rooms === null) return true;
  return ban.roomName !== null && actor.rooms.includes(ban.roomName);
}

/** Another tenant's ban is `not_found`, like another tenant's room. */
export async function findVisibleBan(actor: Actor, banId: string): Promise<StoredBan> {
  const ban = await findBanById(banId);
  if (!ban || !canSeeBan(actor, ban)) throw new DomainError('not_found', 'Ban not found.');
  return ban;
}

/**
 * Whether a glob (`*` any characters, `?` one) matches the whole `name`, case-insensitively. Plain
 * string work, no RegExp built from input: a pattern cannot cost more than its length × the name's.
 */
export function nameMatches(pattern: string, name: string): boolean {
  const p = [...pattern.toLocaleLowerCase()];
  const n = [...name.toLocaleLowerCase()];
  let pi = 0;
  let ni = 0;
  let star = -1;
  let mark = 0;
  while (ni < n.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === n[ni]))) {
      pi += 1;
      ni += 1;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi;
      mark = ni;
      pi += 1;
    } else if (star >= 0) {
      pi = star + 1;
      mark += 1;
      ni = mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi += 1;
  return pi === p.length;
}

/** Who joined where: what a ban is matched against. */
export interface JoinSubject {
  roomName: string;
  /** The room's `auth_id` (lib/domain/tenant.ts); null = the room has no tenant. */
  roomTenant: string | null;
  identity: string;
  /** The participant's display name, when known (name patterns match it). */
  name?: string;
}

/**
 * Whether an active ban covers this join: its room (or every room), its tenant (a ban of tenant X
 * never touches a room of another tenant, nor one without a tenant; a ban without a tenant covers
 * every room), and the identity — or the name, when the ban has a pattern.
 */
export function banCovers(ban: StoredBan, join: JoinSubject): boolean {
  if (ban.roomName !== null && ban.roomName !== join.roomName) return false;
  if (ban.tenant !== null && ban.tenant !== join.roomTenant) return false;
  if (ban.identity === join.identity) return true;
  return ban.namePattern !== null && !!join.name && nameMatches(ban.namePattern, join.name);
}

/**
 * The ban that keeps `identity` out of `roomName`, or null. Everything that lets someone into a
 * room must ask this first — enforcement on join (lib/live/ban-enforcer.ts) and anything that
 * issues join tokens (Moderato's token generator refuses a banned identity with it). One indexed
 * read of the store; expired and lifted bans never match.
 */
export async function findActiveBan(
  roomName: string,
  identity: string,
  options: { roomTenant: string | null; name?: string; nowMs?: number },
): Promise<StoredBan | null> {
  const nowMs = options.nowMs ?? Date.now();
  const candidates = await listActiveBans(nowMs, { roomName, identity });
  const join: JoinSubject = {
    roomName,
    identity,
    roomTenant: options.roomTenant,
    name: options.name,
  };
  // Identity bans first: they are the ones a moderator issued against this participant.
  const covering = candidates.filter((ban) => banCovers(ban, join));
  return covering.find((ban) => ban.identity === identity) ?? covering[0] ?? null;
}

/**
 * Every token Moderato issues goes through this: a banned identity (or name) gets none for the
 * rooms its ban covers (docs/bans.md). `forbidden`, not `not_found`: the room is one the caller
 * may see.
 */
export async function refuseBannedJoin(
  roomName: string,
  identity: string,
  options: { roomTenant: string | null; name?: string },
): Promise<void> {
  const ban = await findActiveBan(roomName, identity, options);
  if (!ban) return;
  throw new DomainError('forbidden', `${identity} is banned from ${roomName} ${banLasts(ban)}.`);
}

/** "for good", or "until 2026-12-05 01:46:56 UTC" as the pages write times. */
export function banLasts(ban: { expiresAtMs: number | null }): string {
  return ban.expiresAtMs === null ? 'for good' : `until ${formatAbsolute(ban.expiresAtMs)}`;
}

export function toBanDto(ban: StoredBan): BanDto {
  return {
    id: ban.id,
    identity: ban.identity,
    namePattern: ban.namePattern,
    roomName: ban.roomName,
    tenant: ban.tenant,
    reason: ban.reason,
    createdBy: ban.createdBy,
    createdAtMs: ban.createdAtMs,
    expiresAtMs: ban.expiresAtMs,
    liftedAtMs: ban.liftedAtMs,
    liftedBy: ban.liftedBy,
  };
}
