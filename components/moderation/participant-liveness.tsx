'use client';

import type { ReactNode } from 'react';

import { ActionsUnavailable } from '@/components/ui/action-availability';
import { useParticipantGone } from '@/lib/queries/room-liveness';

/** Marks actions on one participant unavailable once they have left the room. */
export function ParticipantLiveness({
  roomName,
  identity,
  children,
}: {
  roomName: string;
  identity: string;
  children: ReactNode;
}) {
  const gone = useParticipantGone(roomName, identity);

  return (
    <ActionsUnavailable
      reason={
        gone ? `${identity} has left ${roomName}: there is nothing to act on any more.` : null
      }
    >
      {children}
    </ActionsUnavailable>
  );
}
