// GET /api/health – liveness of the dashboard process itself (no auth, no LiveKit call)
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
