import 'server-only';

import type { IncomingMessage, ServerResponse } from 'node:http';

import { WEBHOOK_RECEIVER_PATH } from '@/lib/domain/livekit/get-webhook-health';
import {
  type BareListener,
  sendJson,
  sendNotServed,
  startBareListener,
} from '@/lib/http/bare-listener';

import { answerWebhookDelivery } from './webhook-delivery';
import type { WebhookReceiver } from './webhook-receiver';

/**
 * The webhook receiver on a port of its own (MODERATO_WEBHOOK_PORT), answering
 * POST /api/livekit/webhook exactly as the route does (lib/live/webhook-delivery.ts) with the
 * process's receiver, bus and known state. It exists for throughput: Next.js's per-request
 * pipeline caps the route near 700 deliveries/s on 2 cores (lib/http/bare-listener.ts). Nothing
 * else is served here: the signature over the body is a delivery's only authentication, on
 * either door.
 */
export function startWebhookListener(
  receiver: () => WebhookReceiver,
  address: { port: number; host: string },
): Promise<BareListener> {
  return startBareListener((req, res) => handle(receiver, req, res), address);
}

async function handle(
  receiver: () => WebhookReceiver,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  if (path !== WEBHOOK_RECEIVER_PATH || req.method !== 'POST') {
    return sendNotServed(res, path === WEBHOOK_RECEIVER_PATH ? ['POST'] : []);
  }
  const answer = await answerWebhookDelivery(receiver(), {
    contentType: req.headers['content-type'] ?? null,
    contentLength: req.headers['content-length'] ?? null,
    authorization: req.headers.authorization ?? null,
    body: req,
  });
  // A refused oversized upload is not drained: close the connection rather than read the rest.
  sendJson(res, answer.status, answer.body, answer.status === 413 ? { connection: 'close' } : {});
}
