import { ERROR_CODES, type ErrorCode } from '@/lib/contracts/errors';

/**
 * The API's paths — /api and the portal's /livekit/… endpoints (docs/rest-api.md) — answer in its
 * JSON error shape and take its methods; everything else in plain text.
 */
export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/livekit/');
}

/**
 * A request refused before any route runs, as the client's mistake it is. JSON in the API's error
 * shape under /api; elsewhere plain text — exactly `text/plain`, which Next's client router shows
 * as the message of a failed server action. Nothing is logged: anyone can send these at no cost,
 * and a log line each would be a flood.
 */
export function refusal(
  pathname: string,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const { status } = ERROR_CODES[code];
  const all = { 'cache-control': 'no-store', ...headers };
  if (isApiPath(pathname))
    return Response.json({ error: { code, message } }, { status, headers: all });
  return new Response(message, { status, headers: { ...all, 'content-type': 'text/plain' } });
}
