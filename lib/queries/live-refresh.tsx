'use client';

import { createContext, useContext, type ReactNode } from 'react';

import { useLiveStatus } from '@/lib/queries/live-stream';

const RefreshIntervalContext = createContext<number>(3000);

/** Carries the server's `MODERATO_REFRESH_MS` to the live queries below it. */
export function RefreshIntervalProvider({
  refreshMs,
  children,
}: {
  refreshMs: number;
  children: ReactNode;
}) {
  return <RefreshIntervalContext value={refreshMs}>{children}</RefreshIntervalContext>;
}

/**
 * The one place live views decide how they refresh. While the live stream is open, events patch
 * the caches (lib/queries/live-stream.tsx) and nothing polls; while it is connecting or down, the
 * views poll our own GET routes every `MODERATO_REFRESH_MS`, never in hidden tabs.
 */
export function useLiveRefresh() {
  const refreshMs = useContext(RefreshIntervalContext);
  const status = useLiveStatus();

  return {
    refetchInterval: status === 'live' ? false : refreshMs,
    refetchIntervalInBackground: false,
  } as const;
}

/**
 * For what the live stream does not carry (the LiveKit connection status): polls every
 * `MODERATO_REFRESH_MS` whatever the stream's state, never in hidden tabs.
 */
export function usePollingRefresh() {
  const refreshMs = useContext(RefreshIntervalContext);

  return { refetchInterval: refreshMs, refetchIntervalInBackground: false } as const;
}
