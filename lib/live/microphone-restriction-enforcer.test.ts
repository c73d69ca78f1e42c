import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { LiveEvent } from '@/lib/contracts/live-events';
import { queryAuditEvents } from '@/lib/db/audit';
import { disableMicrophoneRestrictions } from '@/lib/domain/moderation/disable-microphone-restrictions';
import { enableMicrophoneRestrictions } from '@/lib/domain/moderation/enable-microphone-restrictions';
import { runOperation as run } from '@/lib/domain/run-operation';
import { startTestLiveKit, testActor, uniqueRoom, type TestLiveKit } from '@/test/standin';

import { createMemoryBus, type LiveBus, type LiveListener } from './bus';
import { KnownState } from './known-state';
import { MicRestrictionEnforcer } from './microphone-restriction-enforcer';
import { createWebhookDedup } from './webhook-dedup';
import { createLocalWebhookHealth } from './webhook-health';
import { createWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

// Live enforcement end to end: the stand-in's signed webhooks reach the real receiver, which
// publishes on a bus the enforcer listens to; the effect is read back from the stand-in.
let lk: TestLiveKit;
let server: http.Server;
let receiver: WebhookReceiver;
let enforcer: MicRestrictionEnforcer;
let roomName: string;
const seen: LiveEvent[] = [];
const moderator = testActor('moderator');
const MIC = { type: 'AUDIO', source: 'MICROPHONE' } as const;
const CAMERA = { type: 'VIDEO', source: 'CAMERA' } as const;

beforeAll(async () => {
  const receipts: Promise<unknown>[] = [];
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const done = receiver
        .receive(Buffer.concat(chunks).toString('utf8'), req.headers.authorization ?? null)
        .then((receipt) => res.writeHead(receipt.status).end());
      receipts.push(done);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  lk = await startTestLiveKit({ webhooks: [`http://127.0.0.1:${port}/`] });
  const bus = createMemoryBus();
  bus.subscribe((event) => seen.push(event));
  const state = new KnownState();
  state.follow(bus);
  receiver = createWebhookReceiver({
    bus,
    state,
    dedup: createWebhookDedup(),
    health: createLocalWebhookHealth(),
  });
  enforcer = new MicRestrictionEnforcer({ bus });
});
afterAll(async () => {
  await enforcer?.close();
  await lk?.close();
  await new Promise((resolve) => server?.close(resolve));
});

beforeEach(async () => {
  roomName = uniqueRoom('enforce');
  await lk.rooms.createRoom({ name: roomName });
  await lk.join({ room: roomName, identity: 'alice', tracks: [MIC, CAMERA] });
  await lk.join({ room: roomName, identity: 'speaker', tracks: [MIC] });
  // Their join webhooks first, so each test starts from a room whose joins are all known.
  await vi.waitFor(
    () => {
      const joined = seen.filter((e) => e.type === 'participant.joined' && e.roomName === roomName);
      expect(
        joined.map((e) => e.type === 'participant.joined' && e.participant.identity).sort(),
      ).toEqual(['alice', 'speaker']);
    },
    { timeout: 10_000, interval: 25 },
  );
  await enforcer.idle();
});

async function sources(identity: string) {
  const p = await lk.control.participant(roomName, identity);
  return { sources: p?.permission?.can_publish_sources, tracks: p?.tracks.map((t) => t.source) };
}

describe('microphone restriction enforcement', () => {
  it('restricts a participant who joins after restrictions were enabled, and gives it back on disable', async () => {
    await run(enableMicrophoneRestrictions, moderator, {
      roomName,
      unrestrictedParticipants: ['speaker'],
    });
    const late = await lk.join({ room: roomName, identity: 'late', tracks: [MIC, CAMERA] });
    const lateMic = late.tracks.find((t) => t.source === 'MICROPHONE')!;
    await vi.waitFor(
      async () => {
        expect(await sources('late')).toEqual({
          sources: ['CAMERA', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'],
          tracks: ['CAMERA'],
        });
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(await lk.control.received(roomName, 'late')).toContainEqual(
      expect.objectContaining({ type: 'mute', trackSid: lateMic.sid, muted: true }),
    );
    // A later joiner on the allow-list is left alone.
    await lk.join({ room: roomName, identity: 'speaker2', tracks: [MIC] });
    await enforcer.idle();
    const { events } = await queryAuditEvents({
      roomName,
      action: 'participant.microphone_restricted',
    });
    expect(events.map((e) => [e.identity, e.outcome, e.source])).toEqual([
      ['late', 'success', 'system'],
    ]);

    await run(disableMicrophoneRestrictions, moderator, { roomName });
    expect((await lk.control.participant(roomName, 'late'))?.permission).toEqual(
      (await lk.control.participant(roomName, 'speaker'))?.permission,
    );
  });

  it('restricts again a participant who got MICROPHONE back elsewhere and republishes', async () => {
    await run(enableMicrophoneRestrictions, moderator, { roomName, unrestrictedParticipants: [] });
    expect((await sources('alice')).tracks).toEqual(['CAMERA']);
    // Someone with LiveKit credentials gives alice every source back, outside Moderato (no webhook
    // tells of a permission change)…
    const current = await lk.rooms.getParticipant(roomName, 'alice');
    await lk.rooms.updateParticipant(roomName, 'alice', {
      permission: { ...current.permission!, canPublishSources: [] },
    });
    // …and she publishes her microphone again: track_published brings it to the enforcer.
    await lk.control.publish(roomName, 'alice', MIC);
    await vi.waitFor(
      async () => {
        expect(await sources('alice')).toEqual({
          sources: ['CAMERA', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'],
          tracks: ['CAMERA'],
        });
      },
      { timeout: 10_000, interval: 50 },
    );
  });

  it('does nothing in a room without restrictions', async () => {
    await lk.join({ room: roomName, identity: 'free', tracks: [MIC] });
    await vi.waitFor(
      () => {
        expect(seen).toContainEqual(
          expect.objectContaining({ type: 'participant.joined', roomName, origin: 'webhook' }),
        );
      },
      { timeout: 10_000, interval: 25 },
    );
    await enforcer.idle();
    expect(await sources('free')).toEqual({ sources: [], tracks: ['MICROPHONE'] });
    expect((await queryAuditEvents({ roomName })).events).toEqual([]);
  });
});

describe('several instances', () => {
  it('acts only on events its own instance published', async () => {
    const listeners: LiveListener[] = [];
    const bus: LiveBus = {
      instanceId: 'self',
      publish: () => {
        throw new Error('not used');
      },
      subscribe: (listener) => {
        listeners.push(listener);
        return () => undefined;
      },
      close: async () => {},
    };
    const enforce = vi.fn(async () => 'off' as const);
    const local = new MicRestrictionEnforcer({ bus, enforce });
    const joined = (id: string): LiveEvent => ({
      id,
      type: 'track.published',
      atMs: Date.now(),
      origin: 'webhook',
      roomName: 'r',
      tenant: null,
      identity: 'alice',
      participantSid: 'PA_1',
      track: {
        sid: 'TR_1',
        type: 'AUDIO',
        source: 'MICROPHONE',
        name: '',
        muted: false,
        simulcast: false,
        width: 0,
        height: 0,
        mimeType: '',
        layers: [],
      },
    });
    for (const listener of listeners) {
      listener(joined('other-1'));
      listener(joined('self-1'));
    }
    await local.close();
    expect(enforce).toHaveBeenCalledTimes(1);
    expect(enforce).toHaveBeenCalledWith(
      expect.objectContaining({ identity: 'alice', roomName: 'r' }),
    );
  });
});
