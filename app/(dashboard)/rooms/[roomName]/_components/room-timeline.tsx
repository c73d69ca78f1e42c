'use client';

import {
  ActivityIcon,
  LogInIcon,
  MicOffIcon,
  PencilIcon,
  RadioIcon,
  ShieldIcon,
  type LucideIcon,
} from 'lucide-react';
import { memo, useId, useMemo, useState } from 'react';
import { toast } from 'sonner';

import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { Skeleton } from '@/components/ui/skeleton';
import {
  TIMELINE_KIND_NAMES,
  TIMELINE_KINDS,
  type RoomEventDto,
  type RoomEventType,
  type TimelineKind,
} from '@/lib/contracts/history';
import type { TrackSource } from '@/lib/contracts/tracks';
import { useRoomEvents } from '@/lib/queries/history';
import { describeRoomEvent } from '@/lib/queries/history-words';
import { cn } from '@/lib/utils';

/** Entries rendered at first, and added by each "Show older activity". */
const TIMELINE_SHOWN_STEP = 200;

const KIND_OF = new Map<RoomEventType, TimelineKind>(
  TIMELINE_KIND_NAMES.flatMap((kind) =>
    TIMELINE_KINDS[kind].types.map((type) => [type, kind] as const),
  ),
);

const KIND_ICON: Record<TimelineKind, LucideIcon> = {
  presence: LogInIcon,
  tracks: RadioIcon,
  mutes: MicOffIcon,
  changes: PencilIcon,
  moderation: ShieldIcon,
  room: ActivityIcon,
};

/**
 * One entry. Memoized: a live room prepends an entry per event, and the entries already shown
 * (up to TIMELINE_SHOWN_STEP of them) stay as they were.
 */
const TimelineItem = memo(function TimelineItem({
  event,
  trackSource,
}: {
  event: RoomEventDto;
  /** What the track this entry names is, when another entry said (a moderator action's). */
  trackSource: TrackSource | undefined;
}) {
  const Icon = KIND_ICON[KIND_OF.get(event.type) ?? 'changes'];
  const sources = new Map<string, TrackSource>();
  if (event.trackSid && trackSource) sources.set(event.trackSid, trackSource);
  return (
    <li className="flex items-start gap-3 py-2 text-sm">
      <Icon aria-hidden className="text-muted-foreground mt-0.5 size-4 shrink-0" />
      <span className="min-w-0 flex-1 break-words">{describeRoomEvent(event, sources)}</span>
      <RelativeTime
        atMs={event.atMs}
        className="text-muted-foreground shrink-0 text-xs whitespace-nowrap"
      />
    </li>
  );
});

/**
 * A room's activity, newest first: joins, leaves with their reason, publishing, mutes, changes and
 * moderator actions, filterable by kind. On a live room, pushed events are prepended as they come.
 */
export function RoomTimeline({
  roomName,
  roomSid = null,
  live = false,
}: {
  roomName: string;
  /** One session's activity only (the History session page). */
  roomSid?: string | null;
  live?: boolean;
}) {
  const headingId = useId();
  const [hidden, setHidden] = useState<ReadonlySet<TimelineKind>>(new Set());
  const { data, error, isPending, refetch, isFetching, fetchNextPage, hasNextPage } = useRoomEvents(
    roomName,
    { roomSid, live },
  );
  const events = useMemo(() => data?.pages.flatMap((page) => page.events) ?? [], [data]);
  // Moderator actions name tracks by sid; the publish entries say what each one is.
  const trackSources = useMemo(() => {
    const sources = new Map<string, TrackSource>();
    for (const event of events) {
      const source = event.detail?.source;
      if (event.trackSid && typeof source === 'string') {
        sources.set(event.trackSid, source as TrackSource);
      }
    }
    return sources;
  }, [events]);
  const shown = events.filter((event) => !hidden.has(KIND_OF.get(event.type) ?? 'changes'));
  // A bulk action on a big room adds thousands of entries in seconds: render a window of them.
  const [limit, setLimit] = useState(TIMELINE_SHOWN_STEP);
  const visible = shown.length > limit ? shown.slice(0, limit) : shown;

  const toggle = (kind: TimelineKind) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <Card aria-labelledby={headingId} className="flex flex-col gap-4 p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-base font-semibold">
          Activity
        </h2>
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">Show activity of these kinds</legend>
          {TIMELINE_KIND_NAMES.map((kind) => {
            const on = !hidden.has(kind);
            return (
              <label
                key={kind}
                className={cn(
                  'inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium',
                  'has-[:focus-visible]:ring-ring has-[:focus-visible]:ring-2',
                  on
                    ? 'bg-accent text-accent-foreground border-transparent'
                    : 'text-muted-foreground',
                )}
              >
                <input
                  type="checkbox"
                  className="sr-only"
                  checked={on}
                  onChange={() => toggle(kind)}
                />
                {TIMELINE_KINDS[kind].label}
              </label>
            );
          })}
        </fieldset>
      </div>
      {isPending ? (
        <div className="flex flex-col gap-2" aria-label="Loading activity" role="status">
          <Skeleton className="h-6 w-full" />
          <Skeleton className="h-6 w-5/6" />
          <Skeleton className="h-6 w-4/6" />
        </div>
      ) : error && events.length === 0 ? (
        <RetryErrorState error={error} onRetry={() => void refetch()} isRetrying={isFetching} />
      ) : shown.length === 0 ? (
        <EmptyState title="No activity" className="py-8">
          {events.length === 0
            ? 'Nothing has been recorded for this room yet.'
            : 'Nothing of the kinds shown. Choose more kinds above.'}
        </EmptyState>
      ) : (
        <ol aria-label="Room activity, newest first" className="flex flex-col divide-y">
          {visible.map((event) => (
            <TimelineItem
              key={event.id}
              event={event}
              trackSource={event.trackSid ? trackSources.get(event.trackSid) : undefined}
            />
          ))}
        </ol>
      )}
      {shown.length > limit ? (
        <div>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setLimit((current) => current + TIMELINE_SHOWN_STEP)}
          >
            Show older activity ({shown.length - limit} more)
          </Button>
        </div>
      ) : hasNextPage ? (
        <div>
          <Button
            variant="secondary"
            size="sm"
            onClick={() =>
              void fetchNextPage().then((result) => {
                if (result.isError) toast.error('Could not load older activity. Try again.');
                else setLimit((current) => current + TIMELINE_SHOWN_STEP);
              })
            }
          >
            Load older activity
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
