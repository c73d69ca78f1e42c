import { Agent, request } from 'node:http';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { LiveEvent } from '@/lib/contracts/live-events';
import type { BareListener } from '@/lib/http/bare-listener';
import { signWebhookBody, webhookBody, webhookEvents } from '@/lib/livekit/webhook-fixtures';

import { createMemoryBus } from './bus';
import { KnownState } from './known-state';
import { createWebhookDedup } from './webhook-dedup';
import { createLocalWebhookHealth, type WebhookHealth } from './webhook-health';
import { startWebhookListener } from './webhook-listener';
import { createWebhookReceiver } from './webhook-receiver';

const KEY = 'listener-test-key';
const SECRET = 'listener-test-secret-long-enough-for-hs256';
const saved = { key: process.env.LIVEKIT_API_KEY, secret: process.env.LIVEKIT_API_SECRET };

let listener: BareListener;
let published: LiveEvent[];
let health: WebhookHealth;
const agent = new Agent({ keepAlive: true });

beforeEach(async () => {
  process.env.LIVEKIT_API_KEY = KEY;
  process.env.LIVEKIT_API_SECRET = SECRET;
  const bus = createMemoryBus();
  const state = new KnownState();
  state.follow(bus);
  published = [];
  bus.subscribe((event) => published.push(event));
  health = createLocalWebhookHealth();
  const receiver = createWebhookReceiver({ bus, state, dedup: createWebhookDedup(), health });
  listener = await startWebhookListener(() => receiver, { port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await listener.close();
  process.env.LIVEKIT_API_KEY = saved.key;
  process.env.LIVEKIT_API_SECRET = saved.secret;
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

function send(
  method: string,
  path: string,
  { body, headers = {} }: { body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: listener.port, method, path, headers, agent },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const LIVEKIT_TYPE = { 'content-type': 'application/webhook+json' };

async function signed(event = webhookEvents.participantJoined()) {
  const body = webhookBody(event);
  const authorization = await signWebhookBody(body, { apiKey: KEY, secret: SECRET });
  return { body, headers: { ...LIVEKIT_TYPE, authorization } };
}

describe('dedicated webhook listener (MODERATO_WEBHOOK_PORT)', () => {
  it('answers a signed delivery as the route does and publishes its events', async () => {
    const answer = await send('POST', '/api/livekit/webhook', await signed());
    expect(answer).toMatchObject({
      status: 200,
      json: { outcome: 'accepted', published: 1 },
      headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    });
    expect(published.map((e) => e.type)).toEqual(['participant.joined']);
    expect((await health.read()).counts).toMatchObject({ accepted: 1 });
  });

  it('refuses unsigned and altered deliveries with 401 and publishes nothing', async () => {
    const delivery = await signed();
    const unsigned = await send('POST', '/api/livekit/webhook', {
      body: delivery.body,
      headers: LIVEKIT_TYPE,
    });
    const altered = await send('POST', '/api/livekit/webhook', {
      ...delivery,
      body: delivery.body.replace('"Alice"', '"Eve"'),
    });
    for (const answer of [unsigned, altered]) {
      expect(answer).toMatchObject({ status: 401, json: { error: { code: 'unauthenticated' } } });
    }
    expect(published).toEqual([]);
  });

  it('acknowledges a retried event id without publishing it twice', async () => {
    const delivery = await signed();
    await send('POST', '/api/livekit/webhook', delivery);
    const again = await send('POST', '/api/livekit/webhook', delivery);
    expect(again).toMatchObject({ status: 200, json: { outcome: 'duplicate', published: 0 } });
    expect(published).toHaveLength(1);
  });

  it('refuses what is not a LiveKit event: wrong type 415, over 1 MB 413', async () => {
    const delivery = await signed();
    const text = await send('POST', '/api/livekit/webhook', {
      ...delivery,
      headers: { ...delivery.headers, 'content-type': 'text/plain' },
    });
    expect(text).toMatchObject({
      status: 415,
      json: { error: { code: 'unsupported_media_type' } },
    });
    const huge = await send('POST', '/api/livekit/webhook', {
      body: Buffer.alloc(1024 * 1024 + 1, 'a'),
      headers: LIVEKIT_TYPE,
    });
    expect(huge).toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });
    expect(published).toEqual([]);
    expect((await health.read()).counts).toMatchObject({ refused: 2 });
  });

  it('serves nothing else: other paths 404, other methods 405 with Allow', async () => {
    expect(await send('GET', '/api/live')).toMatchObject({ status: 404 });
    expect(await send('POST', '/api/livekit/webhook-other', await signed())).toMatchObject({
      status: 404,
    });
    expect(await send('GET', '/api/livekit/webhook')).toMatchObject({
      status: 405,
      headers: { allow: 'POST' },
    });
    expect(published).toEqual([]);
  });
});
