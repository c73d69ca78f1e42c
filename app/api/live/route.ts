// /api/live – the Server-Sent Events stream of live room events (lib/live/sse-stream.ts). Under
// `next start` the Node door (lib/live/live-node-door.ts) answers GET /api/live before Next sees
// it; this route serves it wherever that door is not installed, with the same decision.
import { admitLiveStream } from '@/lib/live/live-admission';
import { openLiveStream } from '@/lib/live/sse-stream';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request): Promise<Response> {
  const admitted = await admitLiveStream(request);
  return admitted instanceof Response ? admitted : openLiveStream(admitted);
}
