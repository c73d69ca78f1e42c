'use client';

import { useQuery } from '@tanstack/react-query';

import type { ParticipantSubscriptionsDto } from '@/lib/contracts/subscriptions';
import { roomPath } from '@/lib/queries/api-paths';
import { fetchJson } from '@/lib/queries/fetch-json';
import { roomKeys } from '@/lib/queries/keys';

/** The subscription changes made through Moderato to this participant (getParticipantSubscriptions). */
export function useParticipantSubscriptions(roomName: string, identity: string) {
  return useQuery({
    queryKey: roomKeys.subscriptions(roomName, identity),
    queryFn: ({ signal }) =>
      fetchJson<ParticipantSubscriptionsDto>(
        `${roomPath(roomName)}/participants/${encodeURIComponent(identity)}/subscriptions`,
        { signal },
      ),
    refetchOnMount: 'always',
  });
}
