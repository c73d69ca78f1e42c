'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { LiveKitStatusDto } from '@/lib/contracts/dto';
import { fetchJson } from '@/lib/queries/fetch-json';
import { livekitKeys } from '@/lib/queries/keys';
import { usePollingRefresh } from '@/lib/queries/live-refresh';

export function livekitStatusQueryOptions() {
  return queryOptions({
    queryKey: livekitKeys.status(),
    queryFn: ({ signal }) => fetchJson<LiveKitStatusDto>('/api/v1/livekit/status', { signal }),
  });
}

export function useLiveKitStatus(initialData?: LiveKitStatusDto) {
  return useQuery({
    ...livekitStatusQueryOptions(),
    // Not pushed by the live stream: an outage must show while the stream itself is fine.
    ...usePollingRefresh(),
    initialData,
    initialDataUpdatedAt: initialData?.checkedAtMs,
  });
}

/**
 * Whether the LiveKit banner is up (the last status check failed). Reads the status the layout's
 * banner already polls; never fetches on its own.
 */
export function useLiveKitDown(): boolean {
  const { data } = useQuery({ ...livekitStatusQueryOptions(), enabled: false });

  return data !== undefined && data.state !== 'ok';
}
