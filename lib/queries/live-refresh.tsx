'use client';

import { createContext, useContext, type ReactNode } from 'react';

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
 * The one place live views decide how they refresh: poll our own GET routes, never in hidden tabs.
 * Server-sent push will replace this by patching the caches under the same query keys.
 */
export function useLiveRefresh() {
  const refreshMs = useContext(RefreshIntervalContext);

  return { refetchInterval: refreshMs, refetchIntervalInBackground: false } as const;
}
