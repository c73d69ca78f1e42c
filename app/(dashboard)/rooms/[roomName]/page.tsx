import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { LiveIndicator } from '@/components/layout/live-indicator';
import { PageHeader } from '@/components/layout/page-header';
import { RoomLockStatus } from '@/components/moderation/room-lock/room-lock-badge';
import { RoomModerationActions } from '@/components/moderation/room-moderation-actions';
import { requireActor } from '@/lib/auth/session';
import { DomainError } from '@/lib/domain/errors';
import { listParticipants } from '@/lib/domain/participants/list-participants';
import { getRoomLock } from '@/lib/domain/room-locks/get-room-lock';
import { getRoom } from '@/lib/domain/rooms/get-room';
import { runOperation } from '@/lib/domain/run-operation';
import { roomKeys } from '@/lib/queries/keys';
import { getQueryClient } from '@/lib/queries/query-client';
import { UPSTREAM_CODES, type InitialError } from '@/lib/queries/upstream-error';

import { RoomLiveness } from './_components/room-liveness';
import { RoomView } from './_components/room-view';
import { WatchRoomLink } from './_components/watch-room-link';
import { roomNameParam, roomNameTitleParam } from './room-name-param';

const SERVER_RENDERED_PARTICIPANTS = 500;

/**
 * LiveKit outages render inline (the banner explains); anything else goes to the error boundary.
 * An unknown room (or another tenant's) is notFound(): no loading boundary sits above this page
 * (the list's skeleton lives in rooms/(list)/), so the room is resolved before the first byte is
 * sent and the answer is a real 404.
 */
function toInitialError(error: unknown): InitialError {
  if (error instanceof DomainError && error.code === 'not_found') notFound();
  if (error instanceof DomainError && UPSTREAM_CODES.includes(error.code)) {
    return { code: error.code, message: error.message };
  }
  throw error;
}

export async function generateMetadata({
  params,
}: PageProps<'/rooms/[roomName]'>): Promise<Metadata> {
  const roomName = await roomNameTitleParam(params);

  return { title: roomName };
}

export default async function RoomPage({ params }: PageProps<'/rooms/[roomName]'>) {
  const roomName = await roomNameParam(params);
  const actor = await requireActor();
  const queryClient = getQueryClient();

  let initialError: InitialError | null = null;
  let participantsError: InitialError | null = null;
  try {
    const room = await runOperation(getRoom, actor, { roomName });
    queryClient.setQueryData(roomKeys.detail(roomName), room);
    queryClient.setQueryData(
      roomKeys.lock(roomName),
      await runOperation(getRoomLock, actor, { roomName }),
    );
    // Large rooms load their participants in the browser: a 10,000-row list rendered into the
    // page's flight data costs far more than one JSON fetch after the shell is on screen.
    if (room.numParticipants <= SERVER_RENDERED_PARTICIPANTS) {
      try {
        const { participants } = await runOperation(listParticipants, actor, { roomName });
        queryClient.setQueryData(roomKeys.participants(roomName), participants);
      } catch (error) {
        participantsError = toInitialError(error);
      }
    }
  } catch (error) {
    initialError = toInitialError(error);
  }

  return (
    // The header's actions read the room from the same hydrated cache as the view.
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RoomLiveness roomName={roomName}>
        <PageHeader
          eyebrow={
            <Link
              href="/rooms"
              className="hover:text-foreground underline-offset-4 hover:underline"
            >
              Rooms
            </Link>
          }
          title={roomName}
          description={initialError ? null : <RoomLockStatus roomName={roomName} />}
          actions={
            <>
              <LiveIndicator />
              {initialError ? null : <WatchRoomLink roomName={roomName} />}
              {initialError ? null : <RoomModerationActions roomName={roomName} />}
            </>
          }
        />
        <RoomView
          roomName={roomName}
          initialError={initialError}
          participantsError={participantsError}
        />
      </RoomLiveness>
    </HydrationBoundary>
  );
}
