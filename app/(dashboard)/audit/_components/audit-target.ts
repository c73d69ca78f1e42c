import { auditActionFamily } from '@/lib/contracts/audit';
import type { AuditEventDto } from '@/lib/contracts/dto';

/** What an audit row acted on: a room (maybe a participant and a track in it), or an account. */
export type AuditEventTarget =
  | { kind: 'room'; roomName: string; identity: string | null; trackSid: string | null }
  | { kind: 'user'; username: string | null; userId: string | null }
  | { kind: 'none' };

const USER_FAMILY = 'user.*';

function stringParam(event: AuditEventDto, key: string): string | null {
  const value = event.params?.[key];
  return typeof value === 'string' && value ? value : null;
}

/**
 * A `user.*` row names the account it changed: the users domain records its username once the
 * account was found in the actor's scope (a refused look-up keeps only the id asked for), and the
 * users CLI always does.
 */
export function auditTarget(event: AuditEventDto): AuditEventTarget {
  if (auditActionFamily(event.action) === USER_FAMILY) {
    return {
      kind: 'user',
      username: stringParam(event, 'username'),
      userId: stringParam(event, 'userId'),
    };
  }
  if (event.roomName) {
    return {
      kind: 'room',
      roomName: event.roomName,
      identity: event.identity,
      trackSid: event.trackSid,
    };
  }
  return { kind: 'none' };
}

/** The room's page, or its participant's panel on it; any room name round-trips. */
export function roomPageHref(roomName: string, identity?: string | null): string {
  const room = `/rooms/${encodeURIComponent(roomName)}`;
  return identity ? `${room}?participant=${encodeURIComponent(identity)}` : room;
}
