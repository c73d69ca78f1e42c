'use client';

import { EyeIcon } from 'lucide-react';
import Link from 'next/link';

import { buttonClassName } from '@/components/ui/button';
import { useCan } from '@/lib/queries/actor-context';

/** Opens the silent watch view; watching is joining hidden, so it takes `rooms.join`. */
export function WatchRoomLink({ roomName }: { roomName: string }) {
  const canJoin = useCan('rooms.join');
  if (!canJoin) return null;

  return (
    <Link
      href={`/rooms/${encodeURIComponent(roomName)}/watch`}
      className={buttonClassName({ variant: 'secondary', size: 'sm' })}
    >
      <EyeIcon aria-hidden />
      Watch
    </Link>
  );
}
