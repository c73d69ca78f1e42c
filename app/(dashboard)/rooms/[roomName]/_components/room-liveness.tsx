'use client';

import type { ReactNode } from 'react';

import { ActionsUnavailable } from '@/components/ui/action-availability';
import { useWatchRoom } from '@/lib/queries/live-stream';
import { useRoomEnded } from '@/lib/queries/room-liveness';

/**
 * Around the whole room page (header actions and view): tells the live stream this room is
 * watched, and once the room ends, makes every action on the page unavailable — dialogs left open
 * say why and cannot confirm (components/ui/action-availability.tsx).
 */
export function RoomLiveness({ roomName, children }: { roomName: string; children: ReactNode }) {
  useWatchRoom(roomName);
  const ended = useRoomEnded(roomName);

  return (
    <ActionsUnavailable
      reason={ended ? `${roomName} has ended: it no longer exists on the LiveKit server.` : null}
    >
      {children}
    </ActionsUnavailable>
  );
}
