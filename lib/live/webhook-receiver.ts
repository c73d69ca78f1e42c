import 'server-only';

import type { WebhookOutcome } from '@/lib/contracts/dto';
import type { NewLiveEvent } from '@/lib/contracts/live-events';
import { tenantOf } from '@/lib/domain/tenant';
import {
  verifyWebhook,
  type VerifiedWebhook,
  type WebhookChange,
  type WebhookVerification,
} from '@/lib/livekit/webhooks';

import type { LiveBus } from './bus';
import { liveBus } from './hub';
import { knownState } from './known-state';
import { processSingleton } from './process-singleton';
import { createWebhookDedup, type WebhookDedup } from './webhook-dedup';
import { webhookHealth, type WebhookHealth } from './webhook-health';
import { webhookRedis } from './webhook-redis';

/** What the route answers: 200 for anything signed right (LiveKit must not retry), else 401. */
export type WebhookReceipt =
  | { status: 200; outcome: Exclude<WebhookOutcome, 'refused'>; published: number }
  | { status: 401; outcome: 'refused'; message: string };

export interface WebhookReceiverDeps {
  bus: LiveBus;
  /** The known-state tracker: rejects events contradicting a terminal fact; knows rooms' tenants. */
  state: {
    isStale(event: NewLiveEvent): boolean;
    tenantOf(roomName: string): string | null | undefined;
  };
  dedup: WebhookDedup;
  health: WebhookHealth;
  verify?: (body: string, authorization: string | null) => Promise<WebhookVerification>;
  now?: () => number;
}

export interface WebhookReceiver {
  /** One delivery: the raw body text and the `Authorization` header as received. */
  receive(body: string, authorization: string | null): Promise<WebhookReceipt>;
  /** A delivery the route refused before reading it (size, content type), for the health view. */
  refused(message: string): void;
}

/**
 * Webhook → live events: verify, drop duplicates (LiveKit retries an event it thinks failed),
 * add the tenant, drop events older than what is known, publish. Never touches the database and
 * never waits on more than one bounded Redis call, so LiveKit gets its answer in milliseconds.
 */
export function createWebhookReceiver(deps: WebhookReceiverDeps): WebhookReceiver {
  const now = deps.now ?? Date.now;
  const verify = deps.verify ?? ((body, auth) => verifyWebhook(body, auth, now()));
  const record = (
    outcome: WebhookOutcome,
    webhook: VerifiedWebhook | null,
    reason: string | null,
  ) =>
    deps.health.recordDelivery({
      atMs: now(),
      eventId: webhook?.id ?? null,
      event: webhook?.event ?? null,
      roomName: webhook?.roomName ?? null,
      outcome,
      reason,
    });

  return {
    async receive(body, authorization) {
      const verified = await verify(body, authorization);
      if (!verified.ok) {
        record('refused', null, verified.message);
        return { status: 401, outcome: 'refused', message: verified.message };
      }
      const { webhook } = verified;
      if (!(await deps.dedup.firstSeen(webhook.id))) {
        record('duplicate', webhook, 'Already received (LiveKit retried it).');
        return { status: 200, outcome: 'duplicate', published: 0 };
      }
      const events = toLiveEvents(webhook, deps.state, now());
      const fresh = events.filter((event) => !deps.state.isStale(event));
      for (const event of fresh) deps.bus.publish(event);
      if (events.length > 0 && fresh.length === 0) {
        record('stale', webhook, 'Contradicts what Moderato already knows (arrived late).');
        return { status: 200, outcome: 'stale', published: 0 };
      }
      record('accepted', webhook, events.length === 0 ? 'Not shown by Moderato.' : null);
      return { status: 200, outcome: 'accepted', published: fresh.length };
    },
    refused(message) {
      record('refused', null, message);
    },
  };
}

/**
 * Adds what the adapter cannot know: the tenant (a domain rule on the room's metadata, or the
 * known room's when the webhook carried a trimmed room) and the envelope.
 */
export function toLiveEvents(
  webhook: VerifiedWebhook,
  state: Pick<WebhookReceiverDeps['state'], 'tenantOf'>,
  nowMs: number,
): NewLiveEvent[] {
  const roomName = webhook.roomName;
  if (roomName === null) return [];
  const tenant =
    webhook.roomMetadata !== null
      ? tenantOf(webhook.roomMetadata)
      : (state.tenantOf(roomName) ?? null);
  const envelope = {
    atMs: webhook.createdAtMs ?? nowMs,
    origin: 'webhook',
    roomName,
    tenant,
  } as const;
  return webhook.changes.map((change) => withEnvelope(change, envelope));
}

function withEnvelope(
  change: WebhookChange,
  envelope: Pick<NewLiveEvent, 'atMs' | 'origin' | 'roomName' | 'tenant'>,
): NewLiveEvent {
  if (change.type === 'room.started') {
    return { ...envelope, ...change, room: { ...change.room, tenant: envelope.tenant } };
  }
  return { ...envelope, ...change };
}

/** The process's receiver, over the process's bus, known state, health and de-dup. */
export function webhookReceiver(): WebhookReceiver {
  return processSingleton('live.webhookReceiver', () =>
    createWebhookReceiver({
      bus: liveBus(),
      state: knownState(),
      dedup: createWebhookDedup({ redis: webhookRedis() }),
      health: webhookHealth(),
    }),
  );
}
