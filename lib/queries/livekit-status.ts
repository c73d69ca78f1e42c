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
