import type { NextRequest } from 'next/server';

import { refusal } from './refusal';

/** next-auth's requests are a few form fields; anything near this is not one. */
const AUTH_BODY_LIMIT = 64 * 1024;

/**
 * Requests to /api/auth/* that next-auth would answer with a 500 and a logged stack, or that name
 * something that does not exist, refused with a 4xx before next-auth sees them:
 * - a JSON body that is not an object, or whose `callbackUrl` is not text (next-auth calls
 *   `req.json()` unguarded and uses the fields unchecked), or any body over 64 KB;
 * - a `callbackUrl` (query or body) that is not a path or URL of this site: next-auth fails its
 *   config assertion on some (500 for every non-page action) and quietly replaces others;
 * - an unknown provider in `signin/…` or `callback/…`, or a GET to the credentials callback;
 * - `_log`: next-auth's client logger, which would let anyone write to the server log (answered
 *   204 and dropped, so the browser's logger never sees an error).
 */
export async function refuseBadAuthRequest(
  request: NextRequest,
  segments: readonly string[],
  providers: readonly { id: string; type: string }[],
): Promise<Response | null> {
  const { pathname } = request.nextUrl;
  const [action, providerId] = segments;
  if (action === '_log') return new Response(null, { status: 204 });
  if ((action === 'signin' || action === 'callback') && providerId !== undefined) {
    const provider = providers.find(({ id }) => id === providerId);
    if (!provider) return refusal(pathname, 'not_found', 'There is no such sign-in provider.');
    // Only OAuth providers come back by GET (the IdP's redirect); next-auth 500s on the rest.
    if (action === 'callback' && provider.type !== 'oauth' && request.method !== 'POST') {
      return refusal(pathname, 'method_not_allowed', 'Post the sign-in form here.', {
        allow: 'POST',
      });
    }
  }

  const fields: (string | null)[] = [request.nextUrl.searchParams.get('callbackUrl')];
  if (request.method === 'POST') {
    const body = await readBody(request);
    if (body === 'too_large') {
      return refusal(pathname, 'payload_too_large', 'The request body is too large.');
    }
    if (body === 'invalid') {
      return refusal(pathname, 'invalid_input', 'The body is not a JSON object.');
    }
    fields.push(body.callbackUrl);
  }
  const site = siteOrigin(request);
  if (fields.some((value) => value !== null && !isOwnUrl(value, site))) {
    return refusal(pathname, 'invalid_input', 'callbackUrl must be a path or URL of this site.');
  }
  return null;
}

type Body = { callbackUrl: string | null } | 'too_large' | 'invalid';

/** The fields of a POST body that matter here, read from a clone (next-auth reads the original). */
async function readBody(request: NextRequest): Promise<Body> {
  if (Number(request.headers.get('content-length') ?? 0) > AUTH_BODY_LIMIT) return 'too_large';
  const text = await request.clone().text();
  if (text.length > AUTH_BODY_LIMIT) return 'too_large';
  const type = request.headers.get('content-type') ?? '';
  // The same dispatch as next-auth's getBody: other types reach it as no body at all.
  if (type.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return 'invalid';
    }
    // next-auth reads fields off the body unchecked, and `callbackUrl` as a string.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'invalid';
    const { callbackUrl } = parsed as { callbackUrl?: unknown };
    if (callbackUrl !== undefined && typeof callbackUrl !== 'string') return 'invalid';
    return { callbackUrl: callbackUrl ?? null };
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    return { callbackUrl: new URLSearchParams(text).get('callbackUrl') };
  }
  return { callbackUrl: null };
}

/** The public origin: NEXTAUTH_URL's when set (next-auth's base), else the request's. */
function siteOrigin(request: NextRequest): string {
  try {
    return new URL(process.env.NEXTAUTH_URL ?? '').origin;
  } catch {
    return request.nextUrl.origin;
  }
}

/** A path from the root, or an absolute http(s) URL, on `origin` (next-auth's test, plus ours). */
function isOwnUrl(value: string, origin: string): boolean {
  try {
    const url = value.startsWith('/') ? new URL(value, origin) : new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === origin;
  } catch {
    return false;
  }
}
