'use client';

import { EyeIcon } from 'lucide-react';

import { buttonClassName } from '@/components/ui/button';
import { useCan } from '@/lib/queries/actor-context';

/**
 * Opens the silent watch view; watching is joining hidden, so it takes `rooms.join`. A plain link,
 * not next/link: only a full page load gives the watch page its own Content-Security-Policy (the
 * one that lets it connect to LiveKit); a client-side navigation keeps this page's policy, and the
 * browser would refuse the media connection.
 */
export function WatchRoomLink({ roomName }: { roomName: string }) {
  const canJoin = useCan('rooms.join');
  if (!canJoin) return null;

  return (
    <a
      href={`/rooms/${encodeURIComponent(roomName)}/watch`}
      className={buttonClassName({ variant: 'secondary', size: 'sm' })}
    >
      <EyeIcon aria-hidden />
      Watch
    </a>
  );
}
