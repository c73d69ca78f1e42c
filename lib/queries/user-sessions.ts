'use client';

import { useQuery } from '@tanstack/react-query';

import type { UserSessionListDto } from '@/lib/contracts/user-sessions';
import { fetchJson } from '@/lib/queries/fetch-json';
import { userKeys } from '@/lib/queries/keys';

/**
 * A user's open sessions, for the admin's Sessions dialog. Read fresh each time the dialog opens
 * (sessions come and go with other people's sign-ins), not polled while it stays open.
 */
export function useUserSessions(userId: string) {
  return useQuery({
    queryKey: userKeys.sessions(userId),
    queryFn: async ({ signal }) =>
      (
        await fetchJson<UserSessionListDto>(
          `/api/v1/users/${encodeURIComponent(userId)}/sessions`,
          { signal },
        )
      ).sessions,
    staleTime: 0,
  });
}
