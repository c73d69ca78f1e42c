import 'server-only';

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WEBHOOK_RECEIVER_PATH } from '@/lib/domain/livekit/get-webhook-health';

import { answerWebhookDelivery } from './webhook-delivery';
import type { WebhookReceiver } from './webhook-receiver';

/** Slow or stalled senders are cut off: a LiveKit delivery is one small POST. */
const REQUEST_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 5_000;

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

export interface WebhookListener {
  port: number;
  close(): Promise<void>;
}

/**
 * The webhook receiver on a port of its own (MODERATO_WEBHOOK_PORT): a bare node:http server in
 * the dashboard's process, sharing its receiver, bus and known state, answering
 * POST /api/livekit/webhook exactly as the route does (lib/live/webhook-delivery.ts). It exists
 * for throughput: Next.js spends about 1.4 ms of CPU on any request before a route handler runs
 * (bench:live measures GET /api/health), which caps the route near 700 deliveries/s on 2 cores;
 * this door skips that pipeline and nothing else. Sessions, cookies and pages are not served
 * here: the signature over the body is the only authentication a delivery has, on either door.
 */
export function startWebhookListener(
  receiver: () => WebhookReceiver,
  { port, host }: { port: number; host: string },
): Promise<WebhookListener> {
  const server = createServer((req, res) => {
    // Only a failing request stream gets here (the sender hung up mid-body): nobody to answer.
    handle(receiver, req, res).catch(() => res.destroy());
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({ port: (server.address() as AddressInfo).port, close: () => closeServer(server) });
    });
  });
}

async function handle(
  receiver: () => WebhookReceiver,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  if (path !== WEBHOOK_RECEIVER_PATH) {
    return send(res, 404, { error: { code: 'not_found', message: 'Not found.' } });
  }
  if (req.method !== 'POST') {
    return send(
      res,
      405,
      { error: { code: 'method_not_allowed', message: 'POST the webhook.' } },
      { allow: 'POST' },
    );
  }
  const answer = await answerWebhookDelivery(receiver(), {
    contentType: req.headers['content-type'] ?? null,
    contentLength: req.headers['content-length'] ?? null,
    authorization: req.headers.authorization ?? null,
    body: req,
  });
  // A refused oversized upload is not drained: close the connection rather than read the rest.
  send(res, answer.status, answer.body, answer.status === 413 ? { connection: 'close' } : {});
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets idle between deliveries would hold close() open.
    server.closeIdleConnections();
  });
}
