// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, skipToken, useQuery } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { RoomDto } from '@/lib/contracts/dto';
import type { LiveEvent } from '@/lib/contracts/live-events';

import { roomKeys } from './keys';
import { RefreshIntervalProvider, useLiveRefresh } from './live-refresh';
import {
  LIVE_BATCH_MS,
  LIVE_BUSY_BATCH_MS,
  LiveStreamProvider,
  useLiveEvents,
  useLiveStatus,
  useWatchRoom,
} from './live-stream';

/** Stands in for the browser's EventSource: the test plays the server. */
class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onmessage: ((m: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly named = new Map<string, ((m: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(name: string, listener: (m: MessageEvent<string>) => void) {
    this.named.set(name, [...(this.named.get(name) ?? []), listener]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  hello(resumed = false) {
    this.readyState = FakeEventSource.OPEN;
    const data = JSON.stringify({
      instanceId: 'i',
      reconcileMs: 2000,
      heartbeatMs: 15000,
      resumed,
    });
    for (const l of this.named.get('hello') ?? []) l(new MessageEvent('hello', { data }));
  }
  reset() {
    for (const l of this.named.get('reset') ?? []) l(new MessageEvent('reset', { data: '{}' }));
  }
  watching(roomName: string) {
    const data = JSON.stringify({ roomName });
    for (const l of this.named.get('watching') ?? []) l(new MessageEvent('watching', { data }));
  }
  send(event: LiveEvent) {
    this.onmessage?.(
      new MessageEvent('message', { data: JSON.stringify(event), lastEventId: event.id }),
    );
  }
  fail(closed = false) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
  static latest() {
    return FakeEventSource.all.at(-1)!;
  }
}

const room = (name: string): RoomDto => ({
  sid: `RM_${name}`,
  name,
  emptyTimeout: 0,
  departureTimeout: 0,
  maxParticipants: 0,
  creationTimeMs: 1,
  metadata: '',
  numParticipants: 0,
  numPublishers: 0,
  activeRecording: false,
  tenant: null,
});
const started = (id: string, name: string): LiveEvent => ({
  id,
  atMs: 1,
  origin: 'webhook',
  roomName: name,
  tenant: null,
  type: 'room.started',
  room: room(name),
});

function Probe() {
  const status = useLiveStatus();
  const { refetchInterval } = useLiveRefresh();
  const [seen, setSeen] = useState<string[]>([]);
  useLiveEvents((events) => setSeen((s) => [...s, ...events.map((e) => e.id)]));

  return <p>{`${status} ${String(refetchInterval)} [${seen.join(',')}]`}</p>;
}

function Watch({ roomName }: { roomName: string }) {
  useWatchRoom(roomName);
  return null;
}

function renderStream(client: QueryClient, watch?: string) {
  const ui = (w?: string) => (
    <QueryClientProvider client={client}>
      <RefreshIntervalProvider refreshMs={1000}>
        <LiveStreamProvider>
          <Probe />
          {w ? <Watch roomName={w} /> : null}
        </LiveStreamProvider>
      </RefreshIntervalProvider>
    </QueryClientProvider>
  );
  const result = render(ui(watch));
  return { ...result, watch: (w?: string) => result.rerender(ui(w)) };
}

beforeEach(() => {
  FakeEventSource.all = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('LiveStreamProvider', () => {
  it('polls until the stream says hello, then stops polling and patches caches', async () => {
    const client = new QueryClient();
    client.setQueryData(roomKeys.list(), [room('a')]);
    renderStream(client);
    expect(screen.getByText('connecting 1000 []')).toBeTruthy();

    act(() => FakeEventSource.latest().hello());
    expect(screen.getByText('live false []')).toBeTruthy();

    act(() => FakeEventSource.latest().send(started('i-1', 'b')));
    expect(await screen.findByText('live false [i-1]')).toBeTruthy();
    expect(client.getQueryData<RoomDto[]>(roomKeys.list())?.map((r) => r.name)).toEqual(['a', 'b']);
  });

  it('applies a burst of events in one batch: a page showing the rooms renders once', async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    client.setQueryData(roomKeys.list(), [room('a')]);
    const rendered: number[] = [];
    const batches: number[] = [];
    function RoomCount() {
      const { data } = useQuery<RoomDto[]>({ queryKey: roomKeys.list(), queryFn: skipToken });
      rendered.push(data?.length ?? 0);
      useLiveEvents((events) => batches.push(events.length));
      return null;
    }
    render(
      <QueryClientProvider client={client}>
        <RefreshIntervalProvider refreshMs={1000}>
          <LiveStreamProvider>
            <Probe />
            <RoomCount />
          </LiveStreamProvider>
        </RefreshIntervalProvider>
      </QueryClientProvider>,
    );
    act(() => FakeEventSource.latest().hello());
    rendered.length = 0;
    batches.length = 0;

    act(() => {
      for (let i = 0; i < 50; i++) FakeEventSource.latest().send(started(`i-${i}`, `r${i}`));
    });
    // Nothing is applied before the batch window closes…
    expect(client.getQueryData<RoomDto[]>(roomKeys.list())).toHaveLength(1);
    // (TanStack Query tells its observers on a timer of its own, hence a little more.)
    await act(() => vi.advanceTimersByTimeAsync(LIVE_BATCH_MS + 10));
    // …then all fifty at once, in order, and the page renders the result once.
    expect(client.getQueryData<RoomDto[]>(roomKeys.list())).toHaveLength(51);
    expect(rendered).toEqual([51]);
    expect(batches).toEqual([50]);
    expect(screen.getByText(/\[i-0,i-1,.*,i-49\]/)).toBeTruthy();

    // Events are pouring in: the next batch waits longer, and a quiet one is quick again.
    const rooms = () => client.getQueryData<RoomDto[]>(roomKeys.list())?.length;
    act(() => FakeEventSource.latest().send(started('i-50', 'r50')));
    await act(() => vi.advanceTimersByTimeAsync(LIVE_BATCH_MS + 10));
    expect(rooms()).toBe(51);
    await act(() => vi.advanceTimersByTimeAsync(LIVE_BUSY_BATCH_MS));
    expect(rooms()).toBe(52);
    act(() => FakeEventSource.latest().send(started('i-51', 'r51')));
    await act(() => vi.advanceTimersByTimeAsync(LIVE_BATCH_MS + 10));
    expect(rooms()).toBe(53);

    // A big batch, then quiet (a reconciliation pass every few seconds): the next batch, coming
    // after the busy window has passed, is not held back.
    act(() => {
      for (let i = 52; i < 82; i++) FakeEventSource.latest().send(started(`i-${i}`, `r${i}`));
    });
    await act(() => vi.advanceTimersByTimeAsync(LIVE_BATCH_MS + 10));
    expect(rooms()).toBe(83);
    await act(() => vi.advanceTimersByTimeAsync(LIVE_BUSY_BATCH_MS * 3));
    act(() => FakeEventSource.latest().send(started('i-82', 'r82')));
    await act(() => vi.advanceTimersByTimeAsync(LIVE_BATCH_MS + 10));
    expect(rooms()).toBe(84);
  });

  it('polls again while reconnecting, and refetches on reset', () => {
    const client = new QueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    renderStream(client);
    act(() => FakeEventSource.latest().hello());
    expect(invalidate).toHaveBeenCalledTimes(1); // a fresh stream: what was loaded may be stale

    act(() => FakeEventSource.latest().fail());
    expect(screen.getByText('reconnecting 1000 []')).toBeTruthy();
    act(() => FakeEventSource.latest().hello(true));
    expect(screen.getByText('live false []')).toBeTruthy();
    expect(invalidate).toHaveBeenCalledTimes(1); // resumed: nothing missed

    act(() => FakeEventSource.latest().reset());
    expect(invalidate).toHaveBeenCalledTimes(2);
  });

  it('reopens the stream with the watched room and the last event id', () => {
    const client = new QueryClient();
    const { watch } = renderStream(client);
    expect(FakeEventSource.latest().url).toBe('/api/live');
    act(() => {
      FakeEventSource.latest().hello();
      FakeEventSource.latest().send(started('i-7', 'x'));
    });

    watch('my room');
    const reopened = FakeEventSource.latest();
    expect(FakeEventSource.all).toHaveLength(2);
    expect(FakeEventSource.all[0]!.readyState).toBe(FakeEventSource.CLOSED);
    expect(new URL(reopened.url, 'http://h').searchParams.get('watch')).toBe('my room');
    expect(new URL(reopened.url, 'http://h').searchParams.get('lastEventId')).toBe('i-7');
  });

  it('opens one stream naming the room a page watches from its first render', () => {
    renderStream(new QueryClient(), 'my room');
    expect(FakeEventSource.all).toHaveLength(1);
    expect(new URL(FakeEventSource.latest().url, 'http://h').searchParams.get('watch')).toBe(
      'my room',
    );
  });

  it('refetches only the watched room’s participants once the server watches it', () => {
    const client = new QueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    renderStream(client, 'my room');
    act(() => FakeEventSource.latest().hello());
    invalidate.mockClear();

    act(() => FakeEventSource.latest().watching('my room'));
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenCalledWith(
      { queryKey: roomKeys.participants('my room'), exact: true },
      { cancelRefetch: true },
    );
  });

  it('reopens by itself, with back-off, when the browser gives up (non-200 answer)', () => {
    vi.useFakeTimers();
    renderStream(new QueryClient());
    act(() => FakeEventSource.latest().fail(true));
    expect(FakeEventSource.all).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1000));
    expect(FakeEventSource.all).toHaveLength(2);
  });
});
