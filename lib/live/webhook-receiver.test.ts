import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { LiveEvent } from '@/lib/contracts/live-events';
import { signWebhookBody, webhookBody, webhookEvents } from '@/lib/livekit/webhook-fixtures';

import { createMemoryBus, type LiveBus } from './bus';
import { KnownState } from './known-state';
import { createWebhookDedup } from './webhook-dedup';
import { createLocalWebhookHealth, type WebhookHealth } from './webhook-health';
import { createWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const KEY = 'receiver-test-key';
const SECRET = 'receiver-test-secret-long-enough-for-hs256';
const saved = { key: process.env.LIVEKIT_API_KEY, secret: process.env.LIVEKIT_API_SECRET };

let bus: LiveBus;
let published: LiveEvent[];
let state: KnownState;
let health: WebhookHealth;
let receiver: WebhookReceiver;

beforeEach(() => {
  process.env.LIVEKIT_API_KEY = KEY;
  process.env.LIVEKIT_API_SECRET = SECRET;
  bus = createMemoryBus();
  published = [];
  state = new KnownState();
  // As in production: the known state follows the bus, so what is published becomes known.
  state.follow(bus);
  bus.subscribe((event) => published.push(event));
  health = createLocalWebhookHealth();
  receiver = createWebhookReceiver({ bus, state, dedup: createWebhookDedup(), health });
});
afterEach(() => {
  process.env.LIVEKIT_API_KEY = saved.key;
  process.env.LIVEKIT_API_SECRET = saved.secret;
});

type Event = ReturnType<(typeof webhookEvents)['participantJoined']>;

async function deliver(event: Event, sign: { apiKey?: string; secret?: string } = {}) {
  const body = webhookBody(event);
  const token = await signWebhookBody(body, {
    apiKey: sign.apiKey ?? KEY,
    secret: sign.secret ?? SECRET,
  });
  return receiver.receive(body, token);
}

describe('webhook receiver: refusals publish nothing', () => {
  it('unsigned, wrong key, altered body and stale deliveries are 401 and recorded', async () => {
    const body = webhookBody(webhookEvents.participantJoined());
    const token = await signWebhookBody(body, { apiKey: KEY, secret: SECRET });
    const old = webhookBody(webhookEvents.participantJoined({ createdAt: 1_700_000_000 }));
    const cases = [
      await receiver.receive(body, null),
      await deliver(webhookEvents.participantJoined(), { secret: 'x'.repeat(40) }),
      await deliver(webhookEvents.participantJoined(), { apiKey: 'someone-else' }),
      await receiver.receive(body.replace('"Alice"', '"Eve"'), token),
      await receiver.receive(old, await signWebhookBody(old, { apiKey: KEY, secret: SECRET })),
    ];
    for (const receipt of cases) expect(receipt).toMatchObject({ status: 401, outcome: 'refused' });
    expect(published).toEqual([]);
    const reading = await health.read();
    expect(reading.deliveries.map((d) => d.outcome)).toEqual(Array(5).fill('refused'));
    expect(reading.deliveries.every((d) => d.reason && d.eventId === null)).toBe(true);
    expect(reading.lastGoodAtMs).toBeNull();
  });

  it('a replayed event id is acknowledged (200) but published once', async () => {
    const event = webhookEvents.participantJoined();
    expect(await deliver(event)).toMatchObject({ status: 200, outcome: 'accepted', published: 1 });
    expect(await deliver(event)).toMatchObject({ status: 200, outcome: 'duplicate', published: 0 });
    expect(published).toHaveLength(1);
    const reading = await health.read();
    expect(reading.deliveries.map((d) => d.outcome)).toEqual(['duplicate', 'accepted']);
    expect(reading.counts).toMatchObject({ accepted: 1, duplicate: 1 });
  });
});

describe('webhook receiver: publishing', () => {
  it('publishes a join with origin, time from createdAt and the tenant from room metadata', async () => {
    const createdAt = Math.floor(Date.now() / 1000);
    await deliver(webhookEvents.participantJoined({ createdAt, metadata: '{"auth_id":"acme"}' }));
    expect(published).toEqual([
      expect.objectContaining({
        type: 'participant.joined',
        origin: 'webhook',
        roomName: 'standup',
        tenant: 'acme',
        atMs: createdAt * 1000,
        participant: expect.objectContaining({ identity: 'alice' }),
      }),
    ]);
    expect((await health.read()).lastGoodAtMs).not.toBeNull();
  });

  it('gives room.started the tenant, and track events (trimmed room) the known room’s tenant', async () => {
    await deliver(webhookEvents.roomStarted({ metadata: '{"auth_id":"acme"}' }));
    await deliver(webhookEvents.trackPublished());
    expect(published.map((e) => [e.type, e.tenant])).toEqual([
      ['room.started', 'acme'],
      ['track.published', 'acme'],
    ]);
    const started = published[0];
    expect(started?.type === 'room.started' && started.room.tenant).toBe('acme');
  });

  it('a track event for an unknown room has no tenant (tenant users never see it)', async () => {
    await deliver(webhookEvents.trackPublished({ roomName: 'elsewhere' }));
    expect(published).toEqual([expect.objectContaining({ roomName: 'elsewhere', tenant: null })]);
  });

  it('drops stale events: a join after that participant left, a start after the room finished', async () => {
    await deliver(webhookEvents.participantLeft({ participantSid: 'PA_late' }));
    const lateJoin = await deliver(webhookEvents.participantJoined({ participantSid: 'PA_late' }));
    await deliver(webhookEvents.roomFinished({ roomSid: 'RM_over' }));
    const lateStart = await deliver(webhookEvents.roomStarted({ roomSid: 'RM_over' }));
    expect(lateJoin).toMatchObject({ status: 200, outcome: 'stale', published: 0 });
    expect(lateStart).toMatchObject({ status: 200, outcome: 'stale', published: 0 });
    expect(published.map((e) => e.type)).toEqual(['participant.left', 'room.finished']);
    const reading = await health.read();
    expect(reading.counts).toMatchObject({ accepted: 2, stale: 2 });
  });

  it('acknowledges events it does not show (egress) without publishing', async () => {
    expect(await deliver(webhookEvents.egressStarted())).toMatchObject({
      status: 200,
      outcome: 'accepted',
      published: 0,
    });
    expect(published).toEqual([]);
    expect((await health.read()).deliveries[0]).toMatchObject({
      event: 'egress_started',
      outcome: 'accepted',
      reason: 'Not shown by Moderato.',
    });
  });
});
