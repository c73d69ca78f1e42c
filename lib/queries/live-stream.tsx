'use client';

import { notifyManager, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';

import { EventSource as HeaderEventSource } from 'eventsource';

import { liveEventSchema, STREAM_CONTROL, type LiveEvent } from '@/lib/contracts/live-events';
import { embedAuthHeaders, isEmbedded } from '@/lib/queries/embed-credentials';
import { roomKeys } from '@/lib/queries/keys';
import { LiveCachePatcher } from '@/lib/queries/live-patch';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export const LIVE_STREAM_PATH = '/api/live';

/** What the server says first on every connection (`event: hello`). */
export interface LiveHello {
  instanceId: string;
  reconcileMs: number;
  /** True when the stream resumed from the Last-Event-ID given: nothing was missed. */
  resumed: boolean;
}

type Handler = (events: readonly LiveEvent[]) => void;

/** A tiny store: subscribers are React's useSyncExternalStore callbacks. */
class Store<T> {
  private listeners = new Set<() => void>();
  constructor(private value: T) {}
  get = () => this.value;
  set(value: T) {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const l of this.listeners) l();
  }
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

/**
 * Which room this tab watches: several components may ask (the page, a sheet); the most recent
 * registration still mounted wins. The stream passes it as `?watch=` so reconciliation lists that
 * room's participants.
 */
class WatchRegistry {
  private entries: { token: symbol; roomName: string }[] = [];
  readonly current = new Store<string | null>(null);
  add(roomName: string): () => void {
    const token = Symbol(roomName);
    this.entries.push({ token, roomName });
    this.publish();
    return () => {
      this.entries = this.entries.filter((e) => e.token !== token);
      this.publish();
    };
  }
  private publish() {
    this.current.set(this.entries.at(-1)?.roomName ?? null);
  }
}

interface LiveStreamContextValue {
  status: Store<LiveStatus>;
  handlers: Set<Handler>;
  watch: WatchRegistry;
  /** Rooms a room.finished event was seen for (cleared by room.started of the same name). */
  ended: Store<ReadonlyMap<string, number>>;
}

const LiveStreamContext = createContext<LiveStreamContextValue | null>(null);

function useLiveStreamContext(): LiveStreamContextValue {
  const ctx = useContext(LiveStreamContext);
  if (!ctx) throw new Error('Live stream hooks need <LiveStreamProvider> above them');
  return ctx;
}

/** Room queries are refetched (not just marked stale) only where someone looks at them. */
function invalidateRooms(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: roomKeys.all }, { cancelRefetch: false });
}

/**
 * The watched room is now listed into the server's known state (lib/live/room-baseline.ts): its
 * rows read before that may include someone whose departure no diff can report. Only the
 * participants depend on that listing — the room itself, its lock and the rest were refetched on
 * `hello` and are kept current by events since — and a read already under way may predate the
 * listing, so it is started again rather than awaited.
 */
function refetchParticipants(queryClient: QueryClient, roomName: string) {
  void queryClient.invalidateQueries(
    { queryKey: roomKeys.participants(roomName), exact: true },
    { cancelRefetch: true },
  );
}

const RETRY_AFTER_CLOSE_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * Events are applied to the caches in batches: one render per batch instead of one per event. A
 * lone event waits only for the end of the current task (a zero timer): the browser hands over
 * every event of one received chunk in the same task, so they still land in one write, and a join
 * shows without waiting out a window. While events pour in (a bulk action on a big room brings
 * thousands in a few seconds), a batch comes no sooner than LIVE_BUSY_BATCH_MS after the one
 * before, so the page renders twice a second rather than sixty and leaves the machine it shares to
 * the work: measured with bench:bulk, a browser rendering a 1,000-row room every 150 ms took more
 * CPU than the server muting it. Only while they pour: a big batch followed by quiet (a
 * reconciliation pass finding a few dozen joins, every few seconds) does not delay the next one
 * (bench:live's reconciliation figure). A timer, not an animation frame, so a background tab still
 * drains its queue.
 */
export const LIVE_BATCH_MS = 0;
export const LIVE_BUSY_BATCH_MS = 500;
/** A batch this big means events are pouring in. */
export const LIVE_BUSY_BATCH_SIZE = 20;

/**
 * The browser's EventSource, except in an embedded page: its session is a header (no cookie, see
 * lib/queries/embed-credentials.ts), which the native EventSource cannot send. The `eventsource`
 * package implements the same WHATWG interface over fetch, so the code below works with both; the
 * header is read at each (re)connection, so a refreshed session is used from the next one on.
 */
function openEventSource(url: string): EventSource {
  if (!isEmbedded()) return new EventSource(url);
  return new HeaderEventSource(url, {
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...init.headers, ...embedAuthHeaders() } }),
  }) as unknown as EventSource;
}

/**
 * One Server-Sent Events stream per tab (mounted once in the dashboard layout). Uses the browser's
 * EventSource: its parser is native and spec-exact (multi-line data, `retry:`, `id:`), it
 * reconnects by itself sending `Last-Event-ID`, and it needs no dependency. Its one gap — it stops
 * for good when the server answers non-200 (signed out, restart mid-deploy) — is covered below by
 * reopening with back-off and `?lastEventId=`.
 */
export function LiveStreamProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [value] = useState<LiveStreamContextValue>(() => ({
    status: new Store<LiveStatus>('connecting'),
    handlers: new Set(),
    watch: new WatchRegistry(),
    ended: new Store<ReadonlyMap<string, number>>(new Map()),
  }));
  // The id of the last event received, kept across watch changes so a new stream resumes.
  const lastEventId = useRef<string | null>(null);
  const hadConnection = useRef(false);
  const patcher = useRef<LiveCachePatcher | null>(null);

  useEffect(() => {
    const current = new LiveCachePatcher(queryClient);
    patcher.current = current;
    return () => {
      current.dispose();
      patcher.current = null;
    };
  }, [queryClient]);

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let closedRetries = 0;
    let disposed = false;
    // Children's effects run before this one, so a page that watches a room has registered it
    // already: the first stream names it, instead of one stream without it and a second with it.
    let watched = value.watch.current.get();

    let queue: LiveEvent[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    // After a big batch, the next one waits until then (performance.now() time); else 0.
    let holdUntil = 0;
    const flush = () => {
      flushTimer = undefined;
      const events = queue;
      queue = [];
      holdUntil =
        events.length >= LIVE_BUSY_BATCH_SIZE ? performance.now() + LIVE_BUSY_BATCH_MS : 0;
      // One notification of the query caches' observers for the whole batch (the room's activity
      // included, lib/queries/live-patch.ts) and the handlers' updates: one render, not one per cache.
      notifyManager.batch(() => {
        patcher.current?.applyAll(events);
        const ended = events.filter((e) => e.type === 'room.finished' || e.type === 'room.started');
        if (ended.length > 0) {
          const next = new Map(value.ended.get());
          for (const event of ended) {
            if (event.type === 'room.finished') next.set(event.roomName, event.atMs);
            else next.delete(event.roomName);
          }
          value.ended.set(next);
        }
        for (const handler of value.handlers) {
          try {
            handler(events);
          } catch (err) {
            console.error('[moderato] live event handler failed', err);
          }
        }
      });
    };
    const deliver = (event: LiveEvent) => {
      lastEventId.current = event.id;
      queue.push(event);
      flushTimer ??= setTimeout(flush, Math.max(LIVE_BATCH_MS, holdUntil - performance.now()));
    };

    const open = () => {
      const params = new URLSearchParams();
      if (watched) params.set('watch', watched);
      if (lastEventId.current) params.set('lastEventId', lastEventId.current);
      const query = params.toString();
      const es = openEventSource(query ? `${LIVE_STREAM_PATH}?${query}` : LIVE_STREAM_PATH);
      source = es;

      es.addEventListener(STREAM_CONTROL.hello, (message) => {
        closedRetries = 0;
        let hello: Partial<LiveHello> = {};
        try {
          hello = JSON.parse((message as MessageEvent<string>).data) as LiveHello;
        } catch {
          hello = {};
        }
        // Anything fetched before this stream existed may have missed events: refetch what is shown.
        if (!hello.resumed) invalidateRooms(queryClient);
        hadConnection.current = true;
        value.status.set('live');
      });
      es.addEventListener(STREAM_CONTROL.reset, () => {
        lastEventId.current = null;
        invalidateRooms(queryClient);
      });
      const room = watched;
      if (room) {
        es.addEventListener(STREAM_CONTROL.watching, () => refetchParticipants(queryClient, room));
      }
      es.onmessage = (message: MessageEvent<string>) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(message.data);
        } catch {
          return;
        }
        const result = liveEventSchema.safeParse(parsed);
        if (!result.success) return;
        deliver({ ...result.data, id: message.lastEventId || result.data.id });
      };
      es.onerror = () => {
        if (disposed) return;
        value.status.set(hadConnection.current ? 'reconnecting' : 'connecting');
        if (es.readyState === EventSource.CLOSED) {
          // The browser gave up (non-200 answer): reopen ourselves, resuming where we were.
          const delay =
            RETRY_AFTER_CLOSE_MS[Math.min(closedRetries, RETRY_AFTER_CLOSE_MS.length - 1)];
          closedRetries += 1;
          retryTimer = setTimeout(open, delay);
        }
      };
    };

    // Received events are past lastEventId: the next stream will not send them again.
    const close = () => {
      clearTimeout(retryTimer);
      source?.close();
      if (flushTimer !== undefined) {
        clearTimeout(flushTimer);
        flush();
      }
    };
    open();
    // Another room watched: the same stream, reopened with it and resuming from the last event.
    const stopWatch = value.watch.current.subscribe(() => {
      const next = value.watch.current.get();
      if (next === watched) return;
      watched = next;
      close();
      closedRetries = 0;
      open();
    });
    return () => {
      disposed = true;
      stopWatch();
      close();
    };
  }, [queryClient, value]);

  return <LiveStreamContext value={value}>{children}</LiveStreamContext>;
}

/** 'live' while the stream is open; polling (useLiveRefresh) runs only when it is not. */
export function useLiveStatus(): LiveStatus {
  const ctx = useContext(LiveStreamContext);
  const store = ctx?.status;
  return useSyncExternalStore(
    store?.subscribe ?? noopSubscribe,
    store?.get ?? connectingSnapshot,
    connectingSnapshot,
  );
}

const noopSubscribe = () => () => {};
const connectingSnapshot = (): LiveStatus => 'connecting';

/**
 * Calls `handler` with each batch of events the stream delivers, oldest first, after the query
 * caches are patched: one batch is one render, however many events it holds.
 */
export function useLiveEvents(handler: Handler): void {
  const { handlers } = useLiveStreamContext();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener: Handler = (events) => latest.current(events);
    handlers.add(listener);
    return () => {
      handlers.delete(listener);
    };
  }, [handlers]);
}

/** Tells the stream this page shows `roomName` (null/undefined: none); released on unmount. */
export function useWatchRoom(roomName: string | null | undefined): void {
  const ctx = useContext(LiveStreamContext);
  const watch = ctx?.watch;
  useEffect(() => {
    if (!watch || !roomName) return;
    return watch.add(roomName);
  }, [watch, roomName]);
}

/** When a room.finished event for `roomName` arrived in this tab (null: not seen ended). */
export function useRoomEndedAt(roomName: string): number | null {
  const ctx = useContext(LiveStreamContext);
  const store = ctx?.ended;
  const ended = useSyncExternalStore(
    store?.subscribe ?? noopSubscribe,
    store?.get ?? emptyEnded,
    emptyEnded,
  );
  return ended.get(roomName) ?? null;
}

const EMPTY_ENDED: ReadonlyMap<string, number> = new Map();
const emptyEnded = () => EMPTY_ENDED;
