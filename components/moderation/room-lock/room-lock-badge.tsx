'use client';

import { LockIcon, OctagonPauseIcon } from 'lucide-react';

import { Badge } from '@/components/ui/badge';
import type { RoomLockDto } from '@/lib/contracts/room-locks';
import { useRoomLock } from '@/lib/queries/room-locks';

/** "Suspended" (which implies locked) or "Locked", naming the room for screen readers; else nothing. */
export function RoomLockBadge({ lock }: { lock: RoomLockDto | undefined }) {
  if (!lock?.locked && !lock?.suspended) return null;
  if (lock.suspended) {
    return (
      <Badge tone="danger" aria-label={`${lock.roomName} is suspended`} title={since(lock, true)}>
        <OctagonPauseIcon aria-hidden />
        Suspended
      </Badge>
    );
  }
  return (
    <Badge tone="warning" aria-label={`${lock.roomName} is locked`} title={since(lock, false)}>
      <LockIcon aria-hidden />
      Locked
    </Badge>
  );
}

function since(lock: RoomLockDto, suspended: boolean): string {
  const by = suspended ? lock.suspendedBy : lock.lockedBy;
  const at = suspended ? lock.suspendedAtMs : lock.lockedAtMs;
  const when = at ? ` at ${new Date(at).toLocaleTimeString()}` : '';
  return `${suspended ? 'Suspended' : 'Locked'} by ${by ?? 'a moderator'}${when}`;
}

/** The room page header's badge, with what the lock lets in. */
export function RoomLockStatus({ roomName }: { roomName: string }) {
  const { data: lock } = useRoomLock(roomName);
  if (!lock?.locked) return null;
  const allowed =
    lock.allowList.length > 0
      ? `Only moderators and ${lock.allowList.join(', ')} may join.`
      : 'Only moderators may join.';
  return (
    <span role="status" className="flex flex-wrap items-center gap-2">
      <RoomLockBadge lock={lock} />
      <span>
        {lock.suspended
          ? `Activity suspended by ${lock.suspendedBy ?? 'a moderator'}: nobody but moderators may publish. ${allowed}`
          : `Locked by ${lock.lockedBy ?? 'a moderator'}. ${allowed}`}
      </span>
    </span>
  );
}
