'use client';

import { useLiveStatus, type LiveStatus } from '@/lib/queries/live-stream';
import { cn } from '@/lib/utils';

const LABELS: Record<LiveStatus, { label: string; hint: string; dot: string }> = {
  live: {
    label: 'Live',
    hint: 'Changes appear as they happen.',
    dot: 'bg-emerald-500',
  },
  connecting: {
    label: 'Connecting…',
    hint: 'Opening the live connection; the page refreshes itself meanwhile.',
    dot: 'bg-amber-500',
  },
  reconnecting: {
    label: 'Reconnecting…',
    hint: 'The live connection dropped; the page refreshes itself until it is back.',
    dot: 'bg-amber-500 animate-pulse',
  },
};

/** Whether this page is live: announced politely when it changes (role="status"). */
export function LiveIndicator({ className }: { className?: string }) {
  const status = useLiveStatus();
  const { label, hint, dot } = LABELS[status];

  return (
    <span
      role="status"
      aria-live="polite"
      title={hint}
      className={cn(
        'text-muted-foreground inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium',
        className,
      )}
    >
      <span aria-hidden className={cn('size-2 rounded-full', dot)} />
      {label}
    </span>
  );
}
