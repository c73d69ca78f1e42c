'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { MicrophoneRestrictionsDto } from '@/lib/contracts/moderation-commands';
import { fetchJson } from '@/lib/queries/fetch-json';
import { roomKeys } from '@/lib/queries/keys';
import { useLiveRefresh } from '@/lib/queries/live-refresh';
import { roomPath } from '@/lib/queries/rooms';

export function microphoneRestrictionsQueryOptions(roomName: string) {
  return queryOptions({
    queryKey: roomKeys.microphoneRestrictions(roomName),
    queryFn: ({ signal }) =>
      fetchJson<MicrophoneRestrictionsDto>(`${roomPath(roomName)}/microphone-restrictions`, {
        signal,
      }),
  });
}

export function useMicrophoneRestrictions(roomName: string) {
  return useQuery({ ...microphoneRestrictionsQueryOptions(roomName), ...useLiveRefresh() });
}
