'use client';

import { DoorClosedIcon } from 'lucide-react';
import Link from 'next/link';

import { EmptyState } from '@/components/ui/empty-state';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { isApiError } from '@/lib/queries/fetch-json';
import { useRoomHref } from '@/lib/queries/room-links';
import { useRoomEnded } from '@/lib/queries/room-liveness';
import { useRoom } from '@/lib/queries/rooms';
import type { InitialError } from '@/lib/queries/upstream-error';

import { ModerationCommandsPanel } from './moderation-commands-panel';
import { ParticipantsPanel } from './participants-panel';
import { RoomFacts } from './room-facts';
import { RoomTimeline } from './room-timeline';

export function RoomView({
  roomName,
  initialError,
  participantsError,
}: {
  roomName: string;
  initialError: InitialError | null;
  participantsError: InitialError | null;
}) {
  const { data: room, error, isPending, refetch, isFetching } = useRoom(roomName);
  const roomHref = useRoomHref();
  // The room was open and LiveKit no longer knows it: it ended (or emptied out and closed) — told
  // by the live stream (room.finished) or, while the stream is down, by polling.
  const ended = useRoomEnded(roomName) || isApiError(error, 'not_found');

  if (ended) {
    return (
      <EmptyState
        role="status"
        icon={<DoorClosedIcon aria-hidden />}
        title="This room has ended"
        className="bg-card rounded-lg border"
      >
        <p>
          {roomName} is no longer active on the LiveKit server.{' '}
          <Link href={roomHref()} className="text-primary font-medium underline underline-offset-4">
            Back to rooms
          </Link>
        </p>
      </EmptyState>
    );
  }

  const shownError = error ?? (isPending ? initialError : null);

  return (
    <div className="flex flex-col gap-6">
      {room ? (
        <RoomFacts room={room} />
      ) : shownError ? (
        <RetryErrorState
          error={shownError}
          onRetry={() => void refetch()}
          isRetrying={isFetching}
        />
      ) : (
        <Skeleton className="h-48 w-full" />
      )}
      <ParticipantsPanel roomName={roomName} initialError={participantsError} />
      {room ? <ModerationCommandsPanel roomName={roomName} /> : null}
      <RoomTimeline roomName={roomName} live />
    </div>
  );
}
