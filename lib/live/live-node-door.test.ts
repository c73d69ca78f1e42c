import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { LiveEventOf } from '@/lib/contracts/live-events';
import type { Actor } from '@/lib/domain/actor';
import { guardNodeRequests, withoutDoors } from '@/lib/http/node-request-guard';

import { liveBus } from './hub';
import { liveNodeDoor } from './live-node-door';
import { openStreams } from './open-streams';
import { resetProcessSingleton } from './process-singleton';
import { participant } from './reconciler-test-fixtures';
import { replayBuffer } from './replay-buffer';
import { shutdownLive } from './shutdown';
import { actor, events } from './sse-test-fixtures';

// The caller is resolved by the real strategies unless a test names the actor (the strategies
// have their own tests, lib/callers/*.test.ts); the env is read once, so it is set first.
const caller = vi.hoisted(() => {
  process.env.MODERATO_LIVE_CLIENT_QUEUE_BYTES = '16384';
  process.env.REDIS_URL = '';
  return { actor: undefined as Actor | null | undefined };
});
vi.mock('@/lib/callers/resolve-caller', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/callers/resolve-caller')>();
  return {
    ...real,
    resolveCaller: (...args: Parameters<typeof real.resolveCaller>) =>
      caller.actor === undefined ? real.resolveCaller(...args) : Promise.resolve(caller.actor),
  };
});

/** A server standing in for Next's: what no door claims is answered `next`. */
function startServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => res.end('next'));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

interface Frame {
  id?: string;
  event?: string;
  data?: string;
}

/** One stream: its response, and its frames as they arrive. */
function openStream(
  url: string,
  headers: Record<string, string> = {},
  agent: Agent | false = false,
) {
  return new Promise<{ res: IncomingMessage; next: () => Promise<Frame | null>; body: string }>(
    (resolve, reject) => {
      const req = request(url, { headers, agent }, (res) => {
        res.setEncoding('utf8');
        let text = '';
        let ended = false;
        let wake: (() => void) | null = null;
        res.on('data', (chunk: string) => {
          text += chunk;
          wake?.();
        });
        res.on('close', () => {
          ended = true;
          wake?.();
        });
        const stream = {
          res,
          get body() {
            return text;
          },
          async next(): Promise<Frame | null> {
            for (;;) {
              // Heartbeats are comments: skipped.
              while (text.startsWith(':')) text = text.slice(text.indexOf('\n\n') + 2);
              const end = text.indexOf('\n\n');
              if (end !== -1) {
                const raw = text.slice(0, end);
                text = text.slice(end + 2);
                const frame: Record<string, string> = {};
                for (const line of raw.split('\n')) {
                  const at = line.indexOf(': ');
                  frame[line.slice(0, at)] = line.slice(at + 2);
                }
                return frame;
              }
              if (ended) return null;
              await new Promise<void>((w) => (wake = w));
              wake = null;
            }
          },
        };
        resolve(stream);
      });
      req.on('error', reject);
      req.end();
    },
  );
}

let next: { server: Server; url: string };

beforeAll(async () => {
  guardNodeRequests([liveNodeDoor]);
  next = await startServer();
});
afterAll(() => {
  for (const client of [...openStreams()]) client.close('server');
  next.server.closeAllConnections();
  next.server.close();
});
beforeEach(async () => {
  caller.actor = undefined;
  // The streams of the test before, closed on the client's side, are gone on the server's too.
  await vi.waitFor(() => expect(openStreams().size).toBe(0));
});

describe('the Node door of GET /api/live', () => {
  it('refuses a request without credentials, as the route does (401 JSON)', async () => {
    const { res, next: frame } = await openStream(`${next.url}/api/live`);
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    await frame();
    expect(openStreams().size).toBe(0);
  });

  it('refuses an actor who may not list rooms (403 JSON)', async () => {
    caller.actor = { ...actor('viewer', 'A'), permissions: new Set() };
    const stream = await openStream(`${next.url}/api/live`);
    expect(stream.res.statusCode).toBe(403);
    await stream.next();
    expect(JSON.parse(stream.body)).toEqual({
      error: { code: 'forbidden', message: 'You are not allowed to see rooms.' },
    });
  });

  it('streams only the events of the actor’s tenant, with the headers of every response', async () => {
    caller.actor = actor('admin', 'A');
    const { res, next: frame } = await openStream(`${next.url}/api/live`);
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    const hello = await frame();
    expect(hello).toMatchObject({ event: 'hello', retry: '1000' });
    expect(JSON.parse(hello!.data!)).toMatchObject({ resumed: false });

    const bus = liveBus();
    bus.publish(events.started('b-room', 'B'));
    const seen = bus.publish(events.started('a-room', 'A'));
    const event = await frame();
    expect(event?.id).toBe(seen.id);
    expect(JSON.parse(event!.data!)).toMatchObject({ type: 'room.started', roomName: 'a-room' });
    res.destroy();
  });

  it('resumes from Last-Event-ID with the missed events of the actor’s tenant', async () => {
    caller.actor = actor('moderator', 'A');
    const bus = liveBus();
    const first = bus.publish(events.joined('a-room', 'A', 'before'));
    bus.publish(events.joined('b-room', 'B', 'other-tenant'));
    const missed = bus.publish(events.joined('a-room', 'A', 'missed'));

    const { res, next: frame } = await openStream(`${next.url}/api/live`, {
      'last-event-id': first.id,
    });
    expect(JSON.parse((await frame())!.data!).resumed).toBe(true);
    const event = await frame();
    expect(event?.id).toBe(missed.id);
    expect(JSON.parse(event!.data!).participant.identity).toBe('missed');
    res.destroy();
  });

  it('drops a client that stops reading once its queue is full, and forgets it', async () => {
    caller.actor = actor('admin', 'A');
    const buffer = replayBuffer(liveBus());
    const listeners = buffer.listenerCount;
    const { res, next: frame } = await openStream(`${next.url}/api/live`);
    expect((await frame())?.event).toBe('hello');
    expect(buffer.listenerCount).toBe(listeners + 1);
    res.pause();

    // 60 KB events until the socket buffers are full and the 16 KB queue overflows.
    const big = participant('big', { metadata: 'x'.repeat(60_000) });
    const closed = new Promise<void>((resolve) => res.socket.once('close', () => resolve()));
    let dropped = false;
    void closed.then(() => (dropped = true));
    for (let i = 0; i < 5000 && buffer.listenerCount > listeners; i += 1) {
      const joined = events.joined('a-room', 'A', `p${i}`) as Omit<
        LiveEventOf<'participant.joined'>,
        'id'
      >;
      liveBus().publish({ ...joined, participant: big });
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(buffer.listenerCount).toBe(listeners);
    await closed;
    expect(dropped).toBe(true);
    expect(openStreams().size).toBe(0);
  });

  it('frees the stream when the client hangs up', async () => {
    caller.actor = actor('admin', 'A');
    const buffer = replayBuffer(liveBus());
    const listeners = buffer.listenerCount;
    const { res, next: frame } = await openStream(`${next.url}/api/live`);
    await frame();
    expect(openStreams().size).toBe(1);
    res.destroy();
    await vi.waitFor(() => expect(openStreams().size).toBe(0));
    expect(buffer.listenerCount).toBe(listeners);
  });

  it('leaves other paths and methods to Next, and other servers alone', async () => {
    caller.actor = actor('admin', 'A');
    for (const [path, method] of [
      ['/api/live/', 'GET'],
      ['/api/livex', 'GET'],
      ['/api/live', 'HEAD'],
      ['/api/live', 'POST'],
    ] as const) {
      const answer = await fetch(`${next.url}${path}`, { method });
      expect(String(answer.headers.get('content-type')), `${method} ${path}`).not.toContain(
        'event-stream',
      );
    }

    const bare = await startServer();
    withoutDoors(bare.server);
    try {
      expect(await (await fetch(`${bare.url}/api/live`)).text()).toBe('next');
    } finally {
      bare.server.close();
    }
  });

  it('at shutdown, ends each stream with its connection and opens no new one', async () => {
    caller.actor = actor('admin', 'A');
    // A browser keeps its connections alive, and reuses them.
    const agent = new Agent({ keepAlive: true });
    const { res, next: frame } = await openStream(`${next.url}/api/live`, {}, agent);
    expect(res.headers.connection).toBe('close');
    expect((await frame())?.event).toBe('hello');
    const socketClosed = new Promise<void>((resolve) => res.socket.once('close', () => resolve()));
    try {
      await shutdownLive();
      // Node's server.close() waits for connections in use: this one must not stay open for the
      // EventSource's reconnection.
      expect(await frame()).toBeNull();
      await socketClosed;

      const again = await openStream(`${next.url}/api/live`, {}, agent);
      await again.next();
      expect(again.res.statusCode).toBe(503);
      expect(again.res.headers).toMatchObject({ connection: 'close', 'retry-after': '1' });
      expect(JSON.parse(again.body).error.code).toBe('shutting_down');
      expect(openStreams().size).toBe(0);
    } finally {
      agent.destroy();
      resetProcessSingleton('live.streamState');
    }
  });
});
