import type { APIRequestContext } from '@playwright/test';

import {
  signWebhookBody,
  webhookBody,
  webhookEvents,
  type EventOptions,
} from '../../lib/livekit/webhook-fixtures';
import { expect, test, uniqueSuffix } from '../fixtures';
import { expectResponseMatches } from '../support/openapi';

// Real signed deliveries, as LiveKit makes them, to the running dashboard's receiver. The dashboard
// verifies with devkey/secret (playwright.config.ts).
const RECEIVER = '/api/livekit/webhook';
const KEY = { apiKey: 'devkey', secret: 'secret' };

interface Delivery {
  eventId: string | null;
  event: string | null;
  roomName: string | null;
  outcome: string;
  reason: string | null;
}

const joined = (o: EventOptions = {}) =>
  webhookBody(webhookEvents.participantJoined({ roomName: `wh-${uniqueSuffix()}`, ...o }));

async function post(
  request: APIRequestContext,
  body: string,
  authorization?: string,
  contentType = 'application/webhook+json',
) {
  // No Origin, no cookies: LiveKit sends neither.
  const headers: Record<string, string> = { 'content-type': contentType, 'user-agent': 'LiveKit' };
  if (authorization !== undefined) headers.authorization = authorization;
  return request.post(RECEIVER, { data: body, headers });
}

test.describe('LiveKit webhook receiver', () => {
  test.use({ account: null });

  test('accepts a signed delivery once and acknowledges its retry as a duplicate', async ({
    request,
  }) => {
    const body = joined();
    const token = await signWebhookBody(body, KEY);
    const first = await post(request, body, token);
    expect(first.status()).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'accepted', published: 1 });
    const retry = await post(request, body, token);
    expect(retry.status()).toBe(200);
    expect(await retry.json()).toEqual({ outcome: 'duplicate', published: 0 });
    // LiveKit's content type is the usual one, but plain JSON is taken too.
    const plain = joined();
    const asJson = await post(
      request,
      plain,
      await signWebhookBody(plain, KEY),
      'application/json',
    );
    expect(asJson.status()).toBe(200);
  });

  test('refuses unsigned, wrong-key, altered and stale deliveries with 401', async ({
    request,
  }) => {
    const body = joined();
    const stale = joined({ createdAt: Math.floor(Date.now() / 1000) - 600 });
    const expired = await signWebhookBody(body, {
      ...KEY,
      iatSeconds: Math.floor(Date.now() / 1000) - 600,
    });
    const cases: [string, Promise<Awaited<ReturnType<typeof post>>>][] = [
      ['unsigned', post(request, body)],
      [
        'wrong secret',
        post(request, body, await signWebhookBody(body, { ...KEY, secret: 'another-secret' })),
      ],
      [
        'wrong key',
        post(request, body, await signWebhookBody(body, { apiKey: 'otherkey', secret: 'secret' })),
      ],
      [
        'altered body',
        post(request, body.replace('"Alice"', '"Eve"'), await signWebhookBody(body, KEY)),
      ],
      ['expired signature', post(request, body, expired)],
      ['event too old', post(request, stale, await signWebhookBody(stale, KEY))],
    ];
    for (const [label, pending] of cases) {
      const res = await pending;
      expect(res.status(), label).toBe(401);
      const error = (await res.json()) as { error: { code: string; message: string } };
      expect(error.error.code, label).toBe('unauthenticated');
      expect(error.error.message, label).not.toMatch(/\n\s+at /);
    }
    // The refused event was never taken: signed correctly afterwards, it is accepted.
    const later = await post(request, body, await signWebhookBody(body, KEY));
    expect(await later.json()).toMatchObject({ outcome: 'accepted' });
  });

  test('refuses other content types (415) and bodies over 1 MB (413)', async ({ request }) => {
    const body = joined();
    const token = await signWebhookBody(body, KEY);
    expect((await post(request, body, token, 'text/plain')).status()).toBe(415);
    const huge = 'x'.repeat(1024 * 1024 + 1);
    expect((await post(request, huge, await signWebhookBody(huge, KEY))).status()).toBe(413);
  });
});

test.describe('GET /api/v1/livekit/webhooks', () => {
  test('admins see accepted and refused deliveries and why', async ({ request }) => {
    // The list keeps only the latest deliveries of every sender: a burst from a spec running
    // alongside (one seeds 120 rooms) can push ours out before the read, so post and read again.
    await expect(async () => {
      const roomName = `wh-health-${uniqueSuffix()}`;
      const body = webhookBody(webhookEvents.participantJoined({ roomName }));
      const token = await signWebhookBody(body, KEY);
      // Posted without the admin's cookies would be the same: the receiver ignores sessions.
      expect((await post(request, body, token)).status()).toBe(200);
      expect((await post(request, body)).status()).toBe(401);

      const res = await request.get('/api/v1/livekit/webhooks');
      expect(res.status()).toBe(200);
      const health = await res.json();
      await expectResponseMatches('getWebhookHealth', 200, health);
      const deliveries = (health as { deliveries: Delivery[] }).deliveries;
      expect(deliveries.find((d) => d.roomName === roomName)).toMatchObject({
        event: 'participant_joined',
        outcome: 'accepted',
      });
      expect(
        deliveries.some((d) => d.outcome === 'refused' && d.reason?.includes('no Authorization')),
      ).toBe(true);
      expect(health).toMatchObject({
        state: 'healthy',
        receiverUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/livekit\/webhook$/),
        apiKey: 'devkey',
        lastGoodAtMs: expect.any(Number),
      });
    }).toPass({ timeout: 20_000 });
  });

  test.describe('moderator', () => {
    test.use({ account: 'moderator' });

    test('is forbidden', async ({ request }) => {
      const res = await request.get('/api/v1/livekit/webhooks');
      expect(res.status()).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    });
  });
});
