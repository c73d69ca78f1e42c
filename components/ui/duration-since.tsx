'use client';

import { useNow } from '@/components/ui/relative-time';
import { formatAbsolute, formatDuration } from '@/lib/utils';

/** Time elapsed since `sinceMs` ("2h 5m"), with the exact start on hover. */
export function DurationSince({ sinceMs, className }: { sinceMs: number; className?: string }) {
  const nowMs = useNow();
  if (!Number.isFinite(sinceMs) || sinceMs <= 0) return <span className={className}>—</span>;

  return (
    <time
      dateTime={new Date(sinceMs).toISOString()}
      title={`Since ${formatAbsolute(sinceMs)}`}
      className={className}
      suppressHydrationWarning
    >
      {formatDuration(nowMs - sinceMs)}
    </time>
  );
}
