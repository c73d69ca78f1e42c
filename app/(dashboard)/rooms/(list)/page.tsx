import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';

import { LiveIndicator } from '@/components/layout/live-indicator';
import { PageHeader } from '@/components/layout/page-header';
import { CreateRoomDialog } from '@/components/moderation/create-room-dialog';
import { requireActor } from '@/lib/auth/session';
import { actorCan } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';
import { listRoomLocks } from '@/lib/domain/room-locks/list-room-locks';
import { listRooms } from '@/lib/domain/rooms/list-rooms';
import { runOperation } from '@/lib/domain/run-operation';
import { roomKeys } from '@/lib/queries/keys';
import { getQueryClient } from '@/lib/queries/query-client';
import { UPSTREAM_CODES, type InitialError } from '@/lib/queries/upstream-error';

import { ParticipantSearch } from '../_components/participant-search';
import { RoomsView } from '../_components/rooms-view';

export const metadata: Metadata = { title: 'Rooms' };

export default async function RoomsPage() {
  const actor = await requireActor();
  const queryClient = getQueryClient();
  let initialError: InitialError | null = null;
  try {
    queryClient.setQueryData(roomKeys.list(), (await runOperation(listRooms, actor, {})).rooms);
    // The store's, not LiveKit's: the badges next to locked rooms' names.
    queryClient.setQueryData(
      roomKeys.locks(),
      (await runOperation(listRoomLocks, actor, {})).locks,
    );
  } catch (error) {
    // LiveKit trouble renders inline (the banner explains); polling recovers when it is back.
    if (!(error instanceof DomainError) || !UPSTREAM_CODES.includes(error.code)) throw error;
    initialError = { code: error.code, message: error.message };
  }

  return (
    <>
      <PageHeader
        title="Rooms"
        description="Every active room on the LiveKit server, refreshed live."
        actions={
          <>
            <LiveIndicator />
            {actorCan(actor, 'rooms.create') ? <CreateRoomDialog /> : null}
          </>
        }
      />
      <ParticipantSearch />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RoomsView initialError={initialError} />
      </HydrationBoundary>
    </>
  );
}
