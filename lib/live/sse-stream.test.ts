import { describe, expect, it, vi } from 'vitest';

import { createMemoryBus } from './bus';
import { openStreams } from './open-streams';
import { ReplayBuffer } from './replay-buffer';
import { openLiveStream, type LiveStreamOptions } from './sse-stream';
import { actor, events } from './sse-test-fixtures';

interface Frame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

/** Reads SSE frames from a response body (enough of the format for what the server writes). */
function frameReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let done = false;
  return {
    async next(): Promise<Frame | null> {
      while (!text.includes('\n\n')) {
        if (done) return null;
        const chunk = await reader.read();
        if (chunk.done) done = true;
        else text += decoder.decode(chunk.value, { stream: true });
      }
      const end = text.indexOf('\n\n');
      const raw = text.slice(0, end);
      text = text.slice(end + 2);
      const frame: Frame = {};
      for (const line of raw.split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        else {
          const at = line.indexOf(': ');
          (frame as Record<string, string>)[line.slice(0, at)] = line.slice(at + 2);
        }
      }
      return frame;
    },
    cancel: () => reader.cancel(),
  };
}

function setup(overrides: Partial<LiveStreamOptions> = {}, capacity = 100) {
  const bus = createMemoryBus('inst');
  const buffer = new ReplayBuffer(capacity);
  buffer.follow(bus);
  const open = (
    query = '',
    headers: Record<string, string> = {},
    more: Partial<LiveStreamOptions> = {},
  ) => {
    const abort = new AbortController();
    const response = openLiveStream({
      actor: actor('admin', 'A'),
      request: new Request(`http://localhost/api/live${query}`, { headers, signal: abort.signal }),
      buffer,
      instanceId: 'inst',
      reconcileMs: 2000,
      heartbeatMs: 60_000,
      maxQueuedBytes: 64 * 1024,
      ...overrides,
      ...more,
    });
    return { response, abort, frames: frameReader(response) };
  };
  return { bus, buffer, open };
}

describe('openLiveStream', () => {
  it('says hello with a retry hint, then streams only the actor’s tenant', async () => {
    const { bus, open } = setup();
    const { response, frames } = open();
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-accel-buffering')).toBe('no');

    const hello = await frames.next();
    expect(hello).toMatchObject({ event: 'hello', retry: '1000' });
    expect(JSON.parse(hello!.data!)).toEqual({
      instanceId: 'inst',
      reconcileMs: 2000,
      heartbeatMs: 60_000,
      resumed: false,
    });

    bus.publish(events.started('b-room', 'B'));
    bus.publish(events.started('a-room', 'A'));
    const frame = await frames.next();
    expect(frame?.id).toBe('inst-2');
    expect(JSON.parse(frame!.data!)).toMatchObject({ type: 'room.started', roomName: 'a-room' });
  });

  it('resumes from Last-Event-ID (header or query) with the missed events of its tenant', async () => {
    const { bus, open } = setup();
    const first = bus.publish(events.started('a-room', 'A'));
    bus.publish(events.joined('b-room', 'B', 'bob'));
    bus.publish(events.joined('a-room', 'A', 'alice'));

    for (const [query, headers] of [
      ['', { 'last-event-id': first.id }],
      [`?lastEventId=${first.id}`, {}],
    ] as const) {
      const { frames } = open(query, headers);
      expect(JSON.parse((await frames.next())!.data!).resumed).toBe(true);
      const missed = await frames.next();
      expect(missed?.id).toBe('inst-3');
      expect(JSON.parse(missed!.data!).participant.identity).toBe('alice');
    }
  });

  it('sends reset when the id is not in the buffer any more', async () => {
    const { bus, open } = setup({}, 2);
    for (let i = 0; i < 5; i += 1) bus.publish(events.joined('a-room', 'A', `p${i}`));
    const { frames } = open('', { 'last-event-id': 'inst-1' });
    expect(JSON.parse((await frames.next())!.data!).resumed).toBe(false);
    expect(await frames.next()).toMatchObject({ event: 'reset' });
  });

  it('drops a client that falls behind, frees its queue, and lets it resume', async () => {
    const { bus, buffer, open } = setup({ maxQueuedBytes: 16 * 1024 }, 1000);
    const slow = open();
    expect((await slow.frames.next())?.event).toBe('hello');
    // Read one event, then stop reading while 400 more arrive (≈ 160 KB: past the 16 KB allowance
    // and the 4 × 16 KB more it may fall behind while its reset waits).
    bus.publish(events.joined('a-room', 'A', 'first'));
    const lastRead = await slow.frames.next();
    expect(buffer.listenerCount).toBe(1);
    for (let i = 0; i < 400; i += 1) bus.publish(events.joined('a-room', 'A', `p${i}`));

    // Dropped: unsubscribed at once, and the stream ends after at most what was already handed over.
    expect(buffer.listenerCount).toBe(0);
    let drained = 0;
    while (await slow.frames.next()) drained += 1;
    expect(drained).toBeLessThanOrEqual(1);

    // Reconnecting with its last id, it gets everything it missed (or reset if too much).
    const again = open('', { 'last-event-id': lastRead!.id! }, { maxQueuedBytes: 1024 * 1024 });
    expect(JSON.parse((await again.frames.next())!.data!).resumed).toBe(true);
    const ids: string[] = [];
    for (let i = 0; i < 400; i += 1) ids.push((await again.frames.next())!.id!);
    expect(ids[0]).toBe('inst-2');
    expect(ids.at(-1)).toBe('inst-401');
  });

  it('tells a client that reads but got a burst past its allowance to reset, and carries on', async () => {
    const { bus, buffer, open } = setup({ maxQueuedBytes: 16 * 1024 }, 1000);
    const { frames } = open();
    expect((await frames.next())?.event).toBe('hello');
    // A burst in one go (the first listing of a big room): ≈ 40 KB for a 16 KB allowance.
    for (let i = 0; i < 100; i += 1) bus.publish(events.joined('a-room', 'A', `p${i}`));

    // The burst is replaced by one reset (the browser refetches what it shows)…
    expect(await frames.next()).toMatchObject({ event: 'reset' });
    // …the stream stays open, and what happens next is delivered as usual.
    expect(buffer.listenerCount).toBe(1);
    const next = bus.publish(events.joined('a-room', 'A', 'after'));
    expect((await frames.next())?.id).toBe(next.id);
  });

  it('starts over (reset) rather than replay a backlog that would overflow again', async () => {
    const { bus, open } = setup({ maxQueuedBytes: 16 * 1024 }, 1000);
    const first = bus.publish(events.joined('a-room', 'A', 'first'));
    for (let i = 0; i < 200; i += 1) bus.publish(events.joined('a-room', 'A', `p${i}`));
    const { frames } = open('', { 'last-event-id': first.id });
    expect(JSON.parse((await frames.next())!.data!).resumed).toBe(false);
    expect((await frames.next())?.event).toBe('reset');
  });

  it('cleans up on abort and on cancel: no listener, no timer, watch released', async () => {
    const release = vi.fn();
    const watchRoom = vi.fn(async () => release);
    const { buffer, open } = setup({ watchRoom });

    const aborted = open('?watch=a-room');
    await aborted.frames.next();
    await vi.waitFor(() => expect(watchRoom).toHaveBeenCalledTimes(1));
    expect(buffer.listenerCount).toBe(1);
    aborted.abort.abort();
    expect(buffer.listenerCount).toBe(0);
    expect(release).toHaveBeenCalledTimes(1);

    const cancelled = open('?watch=a-room');
    await cancelled.frames.next();
    await vi.waitFor(() => expect(watchRoom).toHaveBeenCalledTimes(2));
    await cancelled.frames.cancel();
    expect(buffer.listenerCount).toBe(0);
    expect(release).toHaveBeenCalledTimes(2);
  });

  it('says `watching` once the room is watched, so the browser refetches it', async () => {
    const { open } = setup({ watchRoom: async () => () => undefined });
    const { frames } = open('?watch=a-room');
    expect((await frames.next())?.event).toBe('hello');
    expect(await frames.next()).toMatchObject({
      event: 'watching',
      data: JSON.stringify({ roomName: 'a-room' }),
    });
  });

  it('ignores an invalid or refused watch silently', async () => {
    const watchRoom = vi.fn(async () => {
      throw new Error('not_found');
    });
    const { open } = setup({ watchRoom });
    const tooLong = open(`?watch=${'x'.repeat(300)}`);
    expect((await tooLong.frames.next())?.event).toBe('hello');
    expect(watchRoom).not.toHaveBeenCalled();

    const refused = open('?watch=b-room');
    expect((await refused.frames.next())?.event).toBe('hello');
    await vi.waitFor(() => expect(watchRoom).toHaveBeenCalledWith(expect.anything(), 'b-room'));
  });

  it('sends heartbeats as comments', async () => {
    vi.useFakeTimers();
    try {
      const { open } = setup({ heartbeatMs: 1000 });
      const { frames } = open();
      await frames.next();
      vi.advanceTimersByTime(1000);
      expect(await frames.next()).toEqual({ comment: 'heartbeat' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a stream opened with expiring credentials', () => {
  it('ends when they expire, so the client reconnects with renewed ones', async () => {
    vi.useFakeTimers();
    try {
      const { open } = setup({
        actor: { ...actor('moderator', 'A'), expiresAtMs: Date.now() + 5000 },
      });
      const before = openStreams().size;
      const { frames } = open();
      expect((await frames.next())?.event).toBe('hello');
      vi.advanceTimersByTime(4999);
      expect(openStreams().size).toBe(before + 1);
      vi.advanceTimersByTime(1);
      expect(openStreams().size).toBe(before);
      expect(await frames.next()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('open streams', () => {
  it('are known while open, so shutting down can end them and let browsers reconnect elsewhere', async () => {
    const { open } = setup();
    const before = openStreams().size;
    const { frames, abort } = open();
    expect((await frames.next())?.event).toBe('hello');
    expect(openStreams().size).toBe(before + 1);

    // What shutdownLive does to each: the body ends, so the server has no response left open.
    for (const client of [...openStreams()]) client.close('server');
    expect(await frames.next()).toBeNull();
    expect(openStreams().size).toBe(0);
    abort.abort();
  });
});
