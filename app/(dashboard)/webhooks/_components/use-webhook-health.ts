'use client';

import { useQuery } from '@tanstack/react-query';

import type { WebhookHealthDto } from '@/lib/contracts/dto';
import { fetchJson } from '@/lib/queries/fetch-json';
import { livekitKeys } from '@/lib/queries/keys';

/** Deliveries are not pushed to browsers: the view polls while it is visible. */
const REFRESH_MS = 3000;

export function useWebhookHealth() {
  return useQuery({
    queryKey: livekitKeys.webhooks(),
    queryFn: ({ signal }) => fetchJson<WebhookHealthDto>('/api/v1/livekit/webhooks', { signal }),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}
