'use client';

import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

import type { ParticipantDto } from '@/lib/contracts/dto';
import type { MicrophoneRestrictionsDto } from '@/lib/contracts/moderation-commands';
import { roomPath } from '@/lib/queries/api-paths';
import { fetchJson } from '@/lib/queries/fetch-json';
import { roomKeys } from '@/lib/queries/keys';
import { useLiveRefresh } from '@/lib/queries/live-refresh';

export function microphoneRestrictionsQueryOptions(roomName: string) {
  return queryOptions({
    queryKey: roomKeys.microphoneRestrictions(roomName),
    queryFn: ({ signal }) =>
      fetchJson<MicrophoneRestrictionsDto>(`${roomPath(roomName)}/microphone-restrictions`, {
        signal,
      }),
  });
}

/** Who may publish what, per participant: changes when live enforcement restricts someone. */
function publishRightsKey(participants: readonly ParticipantDto[]): string {
  return participants
    .map(({ identity, permission }) =>
      permission
        ? `${identity}:${permission.canPublish}:${permission.canPublishSources.join(',')}`
        : identity,
    )
    .sort()
    .join('\n');
}

/**
 * The room's restrictions, refetched when anyone's publish rights change on the live stream:
 * live enforcement restricts whoever joins or republishes a microphone (docs/rest-api.md, OpenTalk
 * moderation commands) and stores what it took before it asks LiveKit, so by the time the
 * permission change is seen, the "restricted now" list already names them. The stream carries no
 * event of its own for the list.
 */
export function useMicrophoneRestrictions(
  roomName: string,
  participants: readonly ParticipantDto[],
) {
  const query = useQuery({ ...microphoneRestrictionsQueryOptions(roomName), ...useLiveRefresh() });
  const queryClient = useQueryClient();
  const rights = publishRightsKey(participants);
  const seen = useRef(rights);
  // Off, with nobody restricted, nothing a permission change does can alter the answer.
  const watching =
    query.data?.microphone_restriction_state.type === 'enabled' ||
    (query.data?.restricted.length ?? 0) > 0;
  useEffect(() => {
    if (seen.current === rights) return;
    seen.current = rights;
    if (!watching) return;
    // A bulk change brings many events: one refetch at a time, not one cancelled per batch.
    void queryClient.invalidateQueries(
      { queryKey: roomKeys.microphoneRestrictions(roomName) },
      { cancelRefetch: false },
    );
  }, [queryClient, roomName, rights, watching]);
  return query;
}
