import { DisconnectReason } from '@livekit/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { signWebhookBody, webhookBody, webhookEvents } from './webhook-fixtures';
import { WEBHOOK_MAX_AGE_MS, verifyWebhook, type WebhookVerification } from './webhooks';

const KEY = 'webhook-test-key';
const SECRET = 'webhook-test-secret-long-enough-for-hs256';
const saved = { key: process.env.LIVEKIT_API_KEY, secret: process.env.LIVEKIT_API_SECRET };

beforeEach(() => {
  process.env.LIVEKIT_API_KEY = KEY;
  process.env.LIVEKIT_API_SECRET = SECRET;
});
afterEach(() => {
  process.env.LIVEKIT_API_KEY = saved.key;
  process.env.LIVEKIT_API_SECRET = saved.secret;
});

const signed = async (body: string, options: { apiKey?: string; secret?: string } = {}) =>
  signWebhookBody(body, { apiKey: options.apiKey ?? KEY, secret: options.secret ?? SECRET });

function refusalOf(result: WebhookVerification): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.refusal;
}

describe('verifyWebhook: signature and body hash', () => {
  const body = webhookBody(webhookEvents.participantJoined());

  it('accepts a delivery signed like LiveKit signs it', async () => {
    const result = await verifyWebhook(body, await signed(body));
    expect(result.ok).toBe(true);
  });

  it('refuses an unsigned delivery', async () => {
    expect(refusalOf(await verifyWebhook(body, null))).toBe('unsigned');
    expect(refusalOf(await verifyWebhook(body, ''))).toBe('unsigned');
  });

  it('refuses a delivery signed with another secret or another API key', async () => {
    const otherSecret = await signed(body, { secret: 'another-secret-also-long-enough-here' });
    expect(refusalOf(await verifyWebhook(body, otherSecret))).toBe('wrong_key');
    const otherKey = await signed(body, { apiKey: 'another-key' });
    expect(refusalOf(await verifyWebhook(body, otherKey))).toBe('wrong_key');
  });

  it('refuses an altered body', async () => {
    const token = await signed(body);
    const altered = body.replace('"alice"', '"mallory"');
    expect(altered).not.toBe(body);
    const result = await verifyWebhook(altered, token);
    expect(refusalOf(result)).toBe('body_altered');
  });

  it('refuses a Bearer-prefixed or garbage header', async () => {
    expect(refusalOf(await verifyWebhook(body, `Bearer ${await signed(body)}`))).toBe(
      'bad_signature',
    );
    expect(refusalOf(await verifyWebhook(body, 'not-a-jwt'))).toBe('bad_signature');
  });

  it('refuses an expired signature', async () => {
    const old = await signWebhookBody(body, {
      apiKey: KEY,
      secret: SECRET,
      iatSeconds: Math.floor(Date.now() / 1000) - 600,
    });
    expect(refusalOf(await verifyWebhook(body, old))).toBe('expired');
  });

  it('refuses an event created before the replay bound, even freshly signed', async () => {
    const createdAt = Math.floor((Date.now() - WEBHOOK_MAX_AGE_MS) / 1000) - 5;
    const stale = webhookBody(webhookEvents.participantJoined({ createdAt }));
    expect(refusalOf(await verifyWebhook(stale, await signed(stale)))).toBe('too_old');
    const future = webhookBody(
      webhookEvents.participantJoined({ createdAt: Math.floor(Date.now() / 1000) + 3600 }),
    );
    expect(refusalOf(await verifyWebhook(future, await signed(future)))).toBe('too_old');
  });

  it('refuses a signed body that is not a webhook event', async () => {
    const junk = 'not json';
    expect(refusalOf(await verifyWebhook(junk, await signed(junk)))).toBe('malformed');
  });
});

describe('verifyWebhook: mapping to live changes', () => {
  const verify = async (event: ReturnType<(typeof webhookEvents)['roomStarted']>) => {
    const body = webhookBody(event);
    const result = await verifyWebhook(body, await signed(body));
    if (!result.ok) throw new Error(result.message);
    return result.webhook;
  };

  it('room_started → room.started with the full room and its metadata', async () => {
    const webhook = await verify(
      webhookEvents.roomStarted({ createdAt: Math.floor(Date.now() / 1000), id: 'EV_a' }),
    );
    expect(webhook).toMatchObject({
      id: 'EV_a',
      event: 'room_started',
      roomName: 'standup',
      roomMetadata: '',
    });
    expect(webhook.createdAtMs! % 1000).toBe(0);
    expect(webhook.changes).toEqual([
      {
        type: 'room.started',
        room: expect.objectContaining({
          sid: 'RM_test',
          name: 'standup',
          creationTimeMs: 1_766_000_000_123,
        }),
      },
    ]);
  });

  it('room_finished → room.finished with the room sid', async () => {
    const webhook = await verify(webhookEvents.roomFinished({ metadata: '{"auth_id":"acme"}' }));
    expect(webhook.roomMetadata).toBe('{"auth_id":"acme"}');
    expect(webhook.changes).toEqual([{ type: 'room.finished', roomSid: 'RM_test' }]);
  });

  it('participant_joined → participant.joined with the whole participant', async () => {
    const webhook = await verify(webhookEvents.participantJoined());
    expect(webhook.changes).toEqual([
      {
        type: 'participant.joined',
        participant: expect.objectContaining({
          sid: 'PA_alice',
          identity: 'alice',
          name: 'Alice',
          state: 'ACTIVE',
          joinedAtMs: 1_766_000_005_012,
        }),
      },
    ]);
  });

  it('participant_left and participant_connection_aborted → participant.left with the reason', async () => {
    const left = await verify(
      webhookEvents.participantLeft({}, DisconnectReason.PARTICIPANT_REMOVED),
    );
    expect(left.changes).toEqual([
      {
        type: 'participant.left',
        identity: 'alice',
        participantSid: 'PA_alice',
        reason: 'PARTICIPANT_REMOVED',
      },
    ]);
    const aborted = await verify(webhookEvents.connectionAborted());
    expect(aborted.changes).toEqual([
      {
        type: 'participant.left',
        identity: 'alice',
        participantSid: 'PA_alice',
        reason: 'UNKNOWN_REASON',
      },
    ]);
  });

  it('track events → track.published / track.unpublished; the trimmed room has no metadata', async () => {
    const published = await verify(webhookEvents.trackPublished());
    expect(published.roomMetadata).toBeNull();
    expect(published.changes).toEqual([
      {
        type: 'track.published',
        identity: 'alice',
        participantSid: 'PA_alice',
        track: expect.objectContaining({ sid: 'TR_mic', type: 'AUDIO', source: 'MICROPHONE' }),
      },
    ]);
    const unpublished = await verify(webhookEvents.trackUnpublished());
    expect(unpublished.changes[0]?.type).toBe('track.unpublished');
  });

  it('egress and other events are verified but map to nothing', async () => {
    const webhook = await verify(webhookEvents.egressStarted());
    expect(webhook.event).toBe('egress_started');
    expect(webhook.changes).toEqual([]);
  });
});
