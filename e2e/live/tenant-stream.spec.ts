import { readFile } from 'node:fs/promises';

import { RoomServiceClient } from 'livekit-server-sdk';

import { expect, test, type AccountName } from '../fixtures';
import { E2E } from '../support/ports';

/** One event or control message of the stream, parsed from its `event:`, `id:` and `data:` lines. */
interface StreamMessage {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

/**
 * An SSE stream read over plain HTTP as the browser's EventSource would (the same cookie, the same
 * framing), keeping every message so the test can assert what a user never received.
 */
class LiveStream {
  readonly messages: StreamMessage[] = [];
  private readonly abort = new AbortController();
  private ended: Promise<void> = Promise.resolve();
  status = 0;
  headers = new Headers();

  static async open(baseURL: string, storageState: string, query = ''): Promise<LiveStream> {
    const stream = new LiveStream();
    const state = JSON.parse(await readFile(storageState, 'utf8')) as {
      cookies: { name: string; value: string }[];
    };
    const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const response = await fetch(`${baseURL}/api/live${query}`, {
      // Compression would buffer the stream: asked for, it must still come back uncompressed.
      headers: { cookie, accept: 'text/event-stream', 'accept-encoding': 'gzip, br' },
      signal: stream.abort.signal,
    });
    stream.status = response.status;
    stream.headers = response.headers;
    stream.ended = stream.read(response).catch(() => undefined);
    return stream;
  }

  private async read(response: Response): Promise<void> {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += value;
      let end: number;
      while ((end = text.indexOf('\n\n')) !== -1) {
        const raw = text.slice(0, end);
        text = text.slice(end + 2);
        const message: StreamMessage = { event: 'message', data: {} };
        let isComment = true;
        for (const line of raw.split('\n')) {
          if (line.startsWith(':')) continue;
          isComment = false;
          const at = line.indexOf(': ');
          const [field, value] = [line.slice(0, at), line.slice(at + 2)];
          if (field === 'event') message.event = value;
          if (field === 'id') message.id = value;
          if (field === 'data') message.data = JSON.parse(value) as Record<string, unknown>;
        }
        if (!isComment) this.messages.push(message);
      }
    }
  }

  /** Room events (not control messages), as `type roomName`. */
  events(): string[] {
    return this.messages
      .filter((m) => m.event === 'message')
      .map((m) => `${String(m.data.type)} ${String(m.data.roomName)}`);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.ended;
  }
}

const sdk = () => new RoomServiceClient(`http://127.0.0.1:${E2E.livekitPort}`, 'devkey', 'secret');

test.describe('live stream over HTTP', () => {
  test('refuses a caller without a session', async ({ baseURL }) => {
    const response = await fetch(`${baseURL}/api/live`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'unauthenticated',
    );
  });

  test('carries the headers every other response of the app carries', async ({
    baseURL,
    loginAs,
  }) => {
    // The stream is answered before Next's pipeline (lib/live/live-node-door.ts): what proxy.ts and
    // next.config.ts put on responses must be there all the same, on the stream and its refusals.
    const withoutNonce = (policy: string | null) =>
      policy?.replace(/'nonce-[^']+'/, "'nonce'") ?? null;
    const shared = (headers: Headers) =>
      Object.fromEntries(
        [
          'x-content-type-options',
          'referrer-policy',
          'x-frame-options',
          'strict-transport-security',
        ]
          .map((name) => [name, headers.get(name)])
          .concat([
            ['content-security-policy', withoutNonce(headers.get('content-security-policy'))],
          ]),
      );
    const other = await fetch(`${baseURL}/api/v1/rooms`);
    expect(other.status).toBe(401);
    const refused = await fetch(`${baseURL}/api/live`);
    expect(refused.headers.get('content-type')).toBe(other.headers.get('content-type'));
    expect(shared(refused.headers)).toEqual(shared(other.headers));

    const stream = await LiveStream.open(baseURL!, await loginAs('admin'));
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform');
      expect(stream.headers.get('x-accel-buffering')).toBe('no');
      expect(stream.headers.get('content-encoding')).toBeNull();
      expect(shared(stream.headers)).toEqual(shared(other.headers));
    } finally {
      await stream.close();
    }
  });

  test('a tenant user never receives, nor can infer, another tenant’s events', async ({
    baseURL,
    livekit,
    loginAs,
  }) => {
    const streams = {} as Record<AccountName, LiveStream>;
    for (const account of ['acme', 'globex', 'admin'] as const) {
      streams[account] = await LiveStream.open(baseURL!, await loginAs(account));
      expect(streams[account].status).toBe(200);
    }
    try {
      const acmeRoom = await livekit.seedRoom(livekit.roomName('acme'), [], {
        metadata: '{"auth_id":"acme"}',
      });
      const globexRoom = await livekit.seedRoom(livekit.roomName('globex'), [], {
        metadata: '{"auth_id":"globex","title":"globex secret plans"}',
      });
      const moving = await livekit.seedRoom(livekit.roomName('moving'), [], {
        metadata: '{"auth_id":"acme"}',
      });
      await livekit.addParticipant(globexRoom, { identity: 'globex-person' });
      await livekit.addParticipant(acmeRoom, { identity: 'acme-person' });

      await expect.poll(() => streams.acme.events()).toContain(`participant.joined ${acmeRoom}`);
      await expect
        .poll(() => streams.globex.events())
        .toContain(`participant.joined ${globexRoom}`);

      // The room moves from acme to globex: acme sees it end, globex sees it arrive.
      await expect.poll(() => streams.acme.events()).toContain(`room.started ${moving}`);
      await sdk().updateRoomMetadata(moving, '{"auth_id":"globex","title":"moved secretly"}');
      await expect.poll(() => streams.acme.events()).toContain(`room.finished ${moving}`);
      await expect.poll(() => streams.globex.events()).toContain(`room.updated ${moving}`);
      await expect.poll(() => streams.admin.events()).toContain(`room.updated ${moving}`);

      // A marker in acme's tenant, published after everything else: once acme has it, it has had
      // every event it will ever get for the ones before (one stream, one order).
      await livekit.addParticipant(acmeRoom, { identity: 'marker' });
      await expect
        .poll(() =>
          streams.acme.messages.some(
            (m) => (m.data.participant as { identity?: string } | undefined)?.identity === 'marker',
          ),
        )
        .toBe(true);

      const acmeText = JSON.stringify(streams.acme.messages);
      expect(acmeText).not.toContain(globexRoom);
      expect(acmeText).not.toContain('globex-person');
      expect(acmeText).not.toContain('globex');
      expect(acmeText).not.toContain('moved secretly');
      const removal = streams.acme.messages.find(
        (m) => m.data.type === 'room.finished' && m.data.roomName === moving,
      );
      expect(removal?.data).toMatchObject({ tenant: 'acme', roomName: moving });
      expect(Object.keys(removal!.data).sort()).toEqual(
        ['atMs', 'id', 'origin', 'roomName', 'roomSid', 'tenant', 'type'].sort(),
      );

      const globexText = JSON.stringify(streams.globex.messages);
      expect(globexText).not.toContain(acmeRoom);
      expect(globexText).not.toContain('acme-person');
      expect(streams.globex.events()).not.toContain(`room.started ${moving}`);

      // The unbound admin sees both tenants.
      expect(streams.admin.events()).toEqual(
        expect.arrayContaining([
          `participant.joined ${acmeRoom}`,
          `participant.joined ${globexRoom}`,
        ]),
      );
    } finally {
      await Promise.all(Object.values(streams).map((s) => s.close()));
    }
  });

  test('resumes from Last-Event-ID, and asks for a reset when the id is unknown', async ({
    baseURL,
    livekit,
    loginAs,
  }) => {
    // Other specs' events flow through the same stream meanwhile: every count below is about this
    // test's own room. A tenant user, so the replay is seen to pass the tenant filter too.
    const state = await loginAs('acme');
    const streams: LiveStream[] = [];
    const open = async (storageState: string, query = '') => {
      const stream = await LiveStream.open(baseURL!, storageState, query);
      streams.push(stream);
      return stream;
    };
    const ownEvents = (stream: LiveStream, room: string) =>
      stream.messages.filter((m) => m.event === 'message' && m.data.roomName === room);
    const joined = (stream: LiveStream, room: string, identity: string) =>
      ownEvents(stream, room).filter(
        (m) =>
          m.data.type === 'participant.joined' &&
          (m.data.participant as { identity?: string } | undefined)?.identity === identity,
      );
    try {
      const admin = await open(await loginAs('admin'));
      const first = await open(state);
      expect(first.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(first.headers.get('cache-control')).toBe('no-cache, no-transform');
      expect(first.headers.get('content-encoding')).toBeNull();
      const name = await livekit.seedRoom(livekit.roomName('resume'), [{ identity: 'one' }], {
        metadata: '{"auth_id":"acme"}',
      });
      await expect.poll(() => joined(first, name, 'one').length).toBe(1);
      await first.close();
      // The last event this client got, whoever's it was: EventSource resumes from exactly that.
      const lastId = first.messages.findLast((m) => m.id !== undefined)!.id!;

      // While it is away: its own room gets a second person, another tenant's room starts.
      await livekit.addParticipant(name, { identity: 'two' });
      const other = await livekit.seedRoom(
        livekit.roomName('resume-globex'),
        [{ identity: 'gil' }],
        {
          metadata: '{"auth_id":"globex"}',
        },
      );
      // Both are in the server's buffer (the unbound admin saw them) before the client returns.
      await expect.poll(() => joined(admin, name, 'two').length).toBe(1);
      await expect.poll(() => joined(admin, other, 'gil').length).toBe(1);

      const resumed = await open(state, `?lastEventId=${lastId}`);
      const unknown = await open(state, '?lastEventId=nobody-1');
      await expect.poll(() => joined(resumed, name, 'two').length).toBe(1);
      expect(resumed.messages[0]).toMatchObject({ event: 'hello', data: { resumed: true } });
      // Nothing of its own lost or replayed twice: each join once across both connections.
      const seen = [...ownEvents(first, name), ...ownEvents(resumed, name)];
      expect(new Set(seen.map((m) => m.id)).size).toBe(seen.length);
      expect(joined(resumed, name, 'one')).toEqual([]);
      // The replay passes the tenant filter like live events do.
      expect(JSON.stringify(resumed.messages)).not.toContain(other);

      await expect
        .poll(() => unknown.messages.slice(0, 2).map((m) => m.event))
        .toEqual(['hello', 'reset']);
      expect(unknown.messages[0]).toMatchObject({ data: { resumed: false } });
      // A reset replays nothing: the joins before it are not sent again.
      expect(joined(unknown, name, 'one')).toEqual([]);
      expect(joined(unknown, name, 'two')).toEqual([]);
    } finally {
      await Promise.all(streams.map((s) => s.close()));
    }
  });
});
