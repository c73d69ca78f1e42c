// POST /api/livekit/webhook – LiveKit's webhooks (README, "Webhooks"). No session: LiveKit calls
// it, and the signature over the body (lib/livekit/webhooks.ts) is the authentication.
import { webhookReceiver } from '@/lib/live/webhook-receiver';

export const dynamic = 'force-dynamic';

/** LiveKit's events are a few KB; the largest metadata is 512 KiB (docs/livekit-behaviour.md §3). */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

const NO_STORE = { 'cache-control': 'no-store' };

function error(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: NO_STORE });
}

export async function POST(request: Request): Promise<Response> {
  const receiver = webhookReceiver();
  // LiveKit sends application/webhook+json (§5.3); plain JSON is accepted for other senders.
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/webhook+json' && type !== 'application/json') {
    receiver.refused(`Unsupported content type ${type ?? '(none)'}.`);
    return error(415, 'unsupported_media_type', 'Send the body as application/webhook+json.');
  }
  const body = await readBody(request);
  if (body === null) {
    receiver.refused('Body larger than 1 MB.');
    return error(413, 'payload_too_large', 'The body is larger than 1 MB.');
  }
  let receipt;
  try {
    receipt = await receiver.receive(body, request.headers.get('authorization'));
  } catch (err) {
    // A bug of ours, not the sender's: 500 makes LiveKit retry; the stack stays in the log.
    console.error('[moderato] webhooks: a delivery failed', err);
    return error(500, 'internal', 'The delivery could not be processed.');
  }
  if (receipt.status === 401) return error(401, 'unauthenticated', receipt.message);
  return Response.json(
    { outcome: receipt.outcome, published: receipt.published },
    { headers: NO_STORE },
  );
}

/** The raw text, read up to the limit (null = too large): the signature covers these bytes. */
async function readBody(request: Request): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? '0') > MAX_WEBHOOK_BYTES) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_WEBHOOK_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
