'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { ParticipantSearchDto } from '@/lib/contracts/participant-search';
import { fetchJson } from '@/lib/queries/fetch-json';
import { roomKeys } from '@/lib/queries/keys';

export function participantSearchQueryOptions(query: string) {
  return queryOptions({
    queryKey: roomKeys.participantSearch(query),
    queryFn: ({ signal }) =>
      fetchJson<ParticipantSearchDto>(`/api/v1/participants?${new URLSearchParams({ query })}`, {
        signal,
      }),
  });
}

/**
 * Participants matching `query` in every room the caller may see; idle while the query is blank.
 * Not polled: one search asks LiveKit about every room, so it runs again on Enter, on focus and
 * when the live stream reconnects (it sits under roomKeys.all), not every few seconds.
 */
export function useParticipantSearch(query: string) {
  return useQuery({ ...participantSearchQueryOptions(query), enabled: query !== '' });
}
