'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { ParticipantDto } from '@/lib/contracts/dto';
import { participantsPath } from '@/lib/queries/api-paths';
import { fetchJson } from '@/lib/queries/fetch-json';
import { roomKeys } from '@/lib/queries/keys';
import { useLiveRefresh } from '@/lib/queries/live-refresh';

export function participantsQueryOptions(roomName: string) {
  return queryOptions({
    queryKey: roomKeys.participants(roomName),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ participants: ParticipantDto[] }>(participantsPath(roomName), { signal }))
        .participants,
  });
}

export function useParticipants(roomName: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...participantsQueryOptions(roomName), ...useLiveRefresh(), enabled });
}
