import type { Metadata } from 'next';
import Link from 'next/link';

import { LiveIndicator } from '@/components/layout/live-indicator';
import { RoomModerationActions } from '@/components/moderation/room-moderation-actions';

import { RoomLiveness } from '../../../../(dashboard)/rooms/[roomName]/_components/room-liveness';
import { RoomView } from '../../../../(dashboard)/rooms/[roomName]/_components/room-view';
import {
  roomNameParam,
  roomNameTitleParam,
} from '../../../../(dashboard)/rooms/[roomName]/room-name-param';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ roomName: string }>;
}): Promise<Metadata> {
  return { title: await roomNameTitleParam(params) };
}

/**
 * One room inside a portal's iframe: the dashboard's room view (participants, live updates, the
 * actions the embed session's role allows), without the dashboard around it.
 */
export default async function EmbeddedRoomPage({
  params,
}: {
  params: Promise<{ portalId: string; roomName: string }>;
}) {
  const roomName = await roomNameParam(params);
  const { portalId } = await params;
  return (
    <RoomLiveness roomName={roomName}>
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            {/* No prefetch: it would compete with the room's own first reads (bench/embed.ts). */}
            <Link
              href={`/embed/${encodeURIComponent(portalId)}/rooms`}
              prefetch={false}
              className="text-muted-foreground hover:text-foreground text-sm underline-offset-4 hover:underline"
            >
              Rooms
            </Link>
            <h1 className="truncate text-lg font-semibold tracking-tight">{roomName}</h1>
          </div>
          <div className="flex items-center gap-2">
            <LiveIndicator />
            <RoomModerationActions roomName={roomName} />
          </div>
        </div>
        <RoomView roomName={roomName} initialError={null} participantsError={null} />
      </div>
    </RoomLiveness>
  );
}
