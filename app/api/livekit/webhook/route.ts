// POST /api/livekit/webhook – LiveKit's webhooks (README, "Webhooks"). No session: LiveKit calls
// it, and the signature over the body (lib/livekit/webhooks.ts) is the authentication.
import { answerWebhookDelivery } from '@/lib/live/webhook-delivery';
import { webhookReceiver } from '@/lib/live/webhook-receiver';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const answer = await answerWebhookDelivery(webhookReceiver(), {
    contentType: request.headers.get('content-type'),
    contentLength: request.headers.get('content-length'),
    authorization: request.headers.get('authorization'),
    body: request.body && chunksOf(request.body),
  });
  return Response.json(answer.body, {
    status: answer.status,
    headers: { 'cache-control': 'no-store' },
  });
}

/** A web stream as chunks; leaving the loop early (too large) cancels the rest of the upload. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
