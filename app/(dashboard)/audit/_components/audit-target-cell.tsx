'use client';

import Link from 'next/link';

import type { AuditEventDto } from '@/lib/contracts/dto';
import { useCan } from '@/lib/queries/actor-context';

import { auditTarget, roomPageHref } from './audit-target';

const linkClass = 'text-primary underline-offset-4 hover:underline';

/**
 * The target, linked: the room to its page, the participant to their panel on it (the room may
 * have ended since: its page then says so), and a changed account to the Users page, searched.
 */
export function AuditTargetCell({ event }: { event: AuditEventDto }) {
  const canManageUsers = useCan('users.manage');
  const target = auditTarget(event);

  if (target.kind === 'user') {
    if (!target.username) {
      return (
        <span className="text-muted-foreground text-xs wrap-anywhere">
          {target.userId ? `User id ${target.userId}` : 'A user'}
        </span>
      );
    }
    return (
      <span className="text-xs wrap-anywhere">
        User{' '}
        {canManageUsers ? (
          <Link
            href={`/users?q=${encodeURIComponent(target.username)}`}
            className={`${linkClass} font-mono`}
          >
            {target.username}
          </Link>
        ) : (
          <span className="font-mono">{target.username}</span>
        )}
      </span>
    );
  }
  if (target.kind === 'room') {
    return (
      <span className="font-mono text-xs wrap-anywhere">
        <Link href={roomPageHref(target.roomName)} className={linkClass}>
          {target.roomName}
        </Link>
        {target.identity ? (
          <>
            {' / '}
            <Link href={roomPageHref(target.roomName, target.identity)} className={linkClass}>
              {target.identity}
            </Link>
          </>
        ) : null}
        {target.trackSid ? ` / ${target.trackSid}` : null}
      </span>
    );
  }
  return <span className="text-muted-foreground">—</span>;
}
