import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { EyeOffIcon } from 'lucide-react';

import { LiveIndicator } from '@/components/layout/live-indicator';
import { PageHeader } from '@/components/layout/page-header';
import { EmptyState } from '@/components/ui/empty-state';

import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';
import { getRoom } from '@/lib/domain/rooms/get-room';
import { runOperation } from '@/lib/domain/run-operation';
import { clientUrls } from '@/lib/livekit/tokens';

import { RoomLiveness } from '../_components/room-liveness';
import { roomNameParam, roomNameTitleParam } from '../room-name-param';
import { WatchView } from './_components/watch-view';

export async function generateMetadata({
  params,
}: PageProps<'/rooms/[roomName]/watch'>): Promise<Metadata> {
  return { title: `Watch ${await roomNameTitleParam(params)}` };
}

/**
 * The silent watch view: the moderator joins hidden and subscribe-only (the popout token), sees
 * the participants' video and who speaks, and moderates from the participants list beside it.
 * Watching is joining, so it needs `rooms.join` like the popout token itself.
 */
export default async function WatchPage({ params }: PageProps<'/rooms/[roomName]/watch'>) {
  const roomName = await roomNameParam(params);
  const actor = await requireActor();
  try {
    await runOperation(getRoom, actor, { roomName });
  } catch (error) {
    // Unknown (or another tenant's) room: 404. LiveKit down: the view's own errors explain.
    if (error instanceof DomainError && error.code === 'not_found') notFound();
  }
  // Someone who sees the room but may not join it (a viewer) is told so, not that it is gone.
  if (!actorCan(actor, 'rooms.join')) return <WatchNotAllowed roomName={roomName} />;
  // The URL browsers reach LiveKit at (the CSP of this page allows exactly it, proxy.ts).
  let serverUrl: string | null = null;
  try {
    serverUrl = clientUrls().publicUrl;
  } catch {
    // Not configured: the view says so.
  }

  return (
    <RoomLiveness roomName={roomName}>
      <PageHeader
        eyebrow={
          <Link
            href={`/rooms/${encodeURIComponent(roomName)}`}
            className="hover:text-foreground underline-offset-4 hover:underline"
          >
            {roomName}
          </Link>
        }
        title={`Watching ${roomName}`}
        description="You are hidden from the participants and publish nothing."
        actions={<LiveIndicator />}
      />
      <WatchView roomName={roomName} serverUrl={serverUrl} />
    </RoomLiveness>
  );
}

function WatchNotAllowed({ roomName }: { roomName: string }) {
  return (
    <EmptyState
      icon={<EyeOffIcon aria-hidden />}
      title="Watching needs a moderator"
      as="h1"
      className="bg-card rounded-lg border"
    >
      <p>
        Watching joins the room (hidden), which your role does not allow. You can still follow it
        live on{' '}
        <Link
          href={`/rooms/${encodeURIComponent(roomName)}`}
          className="text-primary font-medium underline underline-offset-4"
        >
          the room page
        </Link>
        .
      </p>
    </EmptyState>
  );
}
