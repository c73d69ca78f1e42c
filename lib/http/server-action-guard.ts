import type { NextRequest } from 'next/server';

import { isPlainActionArguments } from './action-arguments';
import { refusal } from './refusal';
import { knownServerActionIds } from './server-action-ids';

/** Next's default `serverActions.bodySizeLimit`; Next itself answers a larger body with a 500. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/** How long a server-action body may take to arrive. */
const READ_TIMEOUT_MS = 30_000;

/** The length of a well-formed server-reference id (Next's SERVER_REFERENCE_ID_LENGTH). */
const ID_LENGTH = 42;

/**
 * Server-action requests (`Next-Action` header, POST) that Next would answer with a 500
 * and a logged stack, or with a logged warning, are refused here first:
 * - no `Origin`, one that is not a URL, or one whose host is not the `X-Forwarded-Host` / `Host`
 *   Next compares it with (cross-site request forgery) → 403;
 * - an id this build does not have → what Next answers (409, or 400 for a malformed id), unlogged;
 * - a body that is not text (this app's action takes plain JSON; React sends it as text/plain) →
 *   415; over 1 MB → 413; not plain-data arguments (lib/http/action-arguments.ts) → 400.
 * Authorization stays with the action (lib/callers): this only keeps malformed requests out.
 */
export async function refuseBadServerAction(request: NextRequest): Promise<Response | null> {
  const actionId = request.headers.get('next-action');
  const { pathname } = request.nextUrl;
  // Any path: an /api path no route handles renders the not-found page, which takes actions too.
  if (actionId === null || request.method !== 'POST') return null;

  if (!originMatchesHost(request.headers)) {
    return refusal(
      pathname,
      'forbidden',
      'Cross-site request refused: send a same-origin Origin header.',
    );
  }
  const known = knownServerActionIds();
  if (known && !known.has(actionId)) return unknownAction(actionId);
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('text/plain')) {
    return refusal(pathname, 'unsupported_media_type', 'Send the action arguments as text/plain.');
  }
  const text = await readText(request, ACTION_BODY_LIMIT);
  if (text === 'too_large') {
    return refusal(pathname, 'payload_too_large', 'The request is larger than 1 MB.');
  }
  if (text === null || !isPlainActionArguments(text)) {
    return refusal(pathname, 'invalid_input', 'The action arguments are not plain JSON.');
  }
  return null;
}

/** Next's own comparison (first `X-Forwarded-Host` entry, else `Host`), minus the throw. */
function originMatchesHost(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  return Boolean(host) && originHost === host;
}

/**
 * Next's own answer to an id it does not have — `x-nextjs-action-not-found` makes the client router
 * reload after a deployment — without the warning and stack trace Next logs with it.
 */
function unknownAction(actionId: string): Response {
  const wellFormed = actionId.length === ID_LENGTH;
  return new Response(
    wellFormed ? 'Server Action unavailable.' : 'Invalid Server Action request.',
    {
      status: wellFormed ? 409 : 400,
      headers: {
        'content-type': 'text/plain',
        'cache-control': 'no-store',
        'x-nextjs-action-not-found': '1',
      },
    },
  );
}

/**
 * The body as UTF-8 text; 'too_large' past `limit` bytes; null if it is not UTF-8 or does not
 * arrive within READ_TIMEOUT_MS (a client that stalls or went away: Next's copy of the body for
 * the proxy never ends then).
 */
async function readText(request: NextRequest, limit: number): Promise<string | 'too_large' | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return 'too_large';
  if (!request.body) return '';
  const reader = request.body.getReader();
  const deadline = Date.now() + READ_TIMEOUT_MS;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const chunk = await withDeadline(reader.read(), deadline);
    if (chunk === null) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(chunk.value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return null;
  }
}

/** The promise's value, or null if it has not settled by `deadline`. */
async function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
