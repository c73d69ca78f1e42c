import 'server-only';

import { z } from 'zod';

import { webhookHealthSchema, type WebhookHealthDto } from '@/lib/contracts/dto';
import { env } from '@/lib/env';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

import { webhookHealthSource } from './webhook-health-port';

/** Where LiveKit must POST its webhooks (app/api/livekit/webhook/route.ts). */
export const WEBHOOK_RECEIVER_PATH = '/api/livekit/webhook';

/**
 * The webhook receiver's recent deliveries and whether webhooks reach Moderato at all, with what
 * LiveKit must be configured with. Admins only (the same permission that shows LiveKit's address):
 * it names the API key and the deployment's URL.
 */
export const getWebhookHealth = defineOperation({
  name: 'getWebhookHealth',
  summary: 'Show webhook deliveries and health',
  description:
    'The last deliveries LiveKit made to the webhook receiver (accepted, duplicate, stale or refused and why), ' +
    'the time of the last good one, and a warning when reconciliation keeps finding events webhooks missed.',
  tag: 'LiveKit',
  input: z.strictObject({}),
  output: webhookHealthSchema,
  permission: 'users.manage',
  http: { method: 'GET', path: '/livekit/webhooks' },
  audit: { action: 'livekit.webhooks_read', target: () => ({}) },
  errors: [],
  async act(): Promise<WebhookHealthDto> {
    const source = webhookHealthSource();
    if (!source) throw new DomainError('internal', 'Live updates are not running in this process.');
    const report = await source.read(Date.now());
    return {
      ...report,
      receiverPath: WEBHOOK_RECEIVER_PATH,
      receiverUrl: receiverUrl(),
      apiKey: env().LIVEKIT_API_KEY,
    };
  },
});

/** Absolute when the public URL is configured (NEXTAUTH_URL, also next-auth's base). */
function receiverUrl(): string | null {
  const base = process.env.NEXTAUTH_URL;
  if (!base) return null;
  try {
    return new URL(WEBHOOK_RECEIVER_PATH, base).toString();
  } catch {
    return null;
  }
}
