import { isServer, QueryClient } from '@tanstack/react-query';

import { ApiError } from '@/lib/queries/fetch-json';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-provided data is fresh on arrival; polling (live-refresh.ts) keeps it current.
        staleTime: 5_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) => {
          // 4xx answers will not change on retry; outages are retried once, then polling takes over.
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;

          return failureCount < 1;
        },
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A new client per server request (no cross-user leaks); one shared client in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();

  return browserQueryClient;
}
