import 'server-only';

import type { WebhookReceiver } from './webhook-receiver';

/** LiveKit's events are a few KB; the largest metadata is 512 KiB (docs/livekit-behaviour.md §3). */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** One HTTP delivery as either door sees it: the route handler, or the dedicated listener. */
export interface WebhookDelivery {
  contentType: string | null;
  contentLength: string | null;
  authorization: string | null;
  /** The raw body, chunk by chunk: the signature covers exactly these bytes. */
  body: AsyncIterable<Uint8Array> | null;
}

export interface WebhookAnswer {
  status: 200 | 401 | 413 | 415 | 500;
  body: { outcome: string; published: number } | { error: { code: string; message: string } };
}

const refusal = (status: WebhookAnswer['status'], code: string, message: string) =>
  ({ status, body: { error: { code, message } } }) satisfies WebhookAnswer;

/**
 * What Moderato answers a webhook delivery, whichever door it came through (the route
 * `/api/livekit/webhook`, or the listener on MODERATO_WEBHOOK_PORT): 200 for anything signed right
 * (LiveKit must not retry it), 401 unsigned or altered, 413/415 for what is not a LiveKit event,
 * 500 for a bug of ours (LiveKit retries; the stack stays in the log).
 */
export async function answerWebhookDelivery(
  receiver: WebhookReceiver,
  delivery: WebhookDelivery,
): Promise<WebhookAnswer> {
  // LiveKit sends application/webhook+json (§5.3); plain JSON is accepted for other senders.
  const type = delivery.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/webhook+json' && type !== 'application/json') {
    receiver.refused(`Unsupported content type ${type ?? '(none)'}.`);
    return refusal(415, 'unsupported_media_type', 'Send the body as application/webhook+json.');
  }
  const body = await readBody(delivery);
  if (body === null) {
    receiver.refused('Body larger than 1 MB.');
    return refusal(413, 'payload_too_large', 'The body is larger than 1 MB.');
  }
  try {
    const receipt = await receiver.receive(body, delivery.authorization);
    if (receipt.status === 401) return refusal(401, 'unauthenticated', receipt.message);
    return { status: 200, body: { outcome: receipt.outcome, published: receipt.published } };
  } catch (err) {
    console.error('[moderato] webhooks: a delivery failed', err);
    return refusal(500, 'internal', 'The delivery could not be processed.');
  }
}

/** The raw text, read up to the limit (null = too large), without buffering past it. */
async function readBody({ contentLength, body }: WebhookDelivery): Promise<string | null> {
  if (Number(contentLength ?? '0') > MAX_WEBHOOK_BYTES) return null;
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > MAX_WEBHOOK_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
