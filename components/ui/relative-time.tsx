'use client';

import { useSyncExternalStore } from 'react';

import { formatAbsolute, formatRelative } from '@/lib/utils';

const TICK_MS = 15_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }

  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * Rounded so repeated calls within one render agree. Server and browser clocks differ by the
 * render-to-hydrate delay, hence `suppressHydrationWarning` on the text below.
 */
const getServerSnapshot = () => Math.floor(Date.now() / 10_000) * 10_000;
const getSnapshot = () => now;

export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

/** Relative time ("3 min. ago") with the exact UTC time on hover. */
export function RelativeTime({ atMs, className }: { atMs: number; className?: string }) {
  const nowMs = useNow();
  if (!Number.isFinite(atMs) || atMs <= 0) return <span className={className}>—</span>;
  const absolute = formatAbsolute(atMs);

  return (
    <time
      dateTime={new Date(atMs).toISOString()}
      title={absolute}
      className={className}
      suppressHydrationWarning
    >
      {formatRelative(atMs, nowMs)}
    </time>
  );
}
