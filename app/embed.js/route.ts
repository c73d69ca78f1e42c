// /embed.js – the host-side embedding script (lib/embed/embed-script.ts, docs/embedding.md)
import { embedScript } from '@/lib/embed/embed-script';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return new Response(embedScript(), {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      // Lets portals load it with `crossorigin` (and Subresource Integrity) if they wish.
      'Access-Control-Allow-Origin': '*',
    },
  });
}
