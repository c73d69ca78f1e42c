import { type NextRequest, NextResponse } from 'next/server';
import { type NextRequestWithAuth, withAuth } from 'next-auth/middleware';

import { PATH_HEADER } from '@/lib/auth/path-header';
import { getAuthSecret } from '@/lib/auth/secret';
import { dropUnusableCallbackCookies, expireCookies } from '@/lib/http/callback-cookie';
import { refuseMalformedRequest } from '@/lib/http/request-guard';
import { policyFor, securityHeaders } from '@/lib/http/response-security';
import { refuseBadServerAction } from '@/lib/http/server-action-guard';

/**
 * Paths that need no sign-in redirect: the API (and the portal's /livekit/… endpoints) answers 401
 * itself; the login page; embedded pages (their session comes from the host page); files.
 */
const PUBLIC_PATH =
  /^\/(?:api(?:\/|$)|livekit\/|embed\/|_next\/|login(?:\/|$)|favicon\.ico$|.*\.[A-Za-z0-9]+$)/;

/**
 * Every request but Next's static assets passes here:
 * 1. requests Next itself would answer with a 500 and a logged stack trace are refused with a 4xx
 *    (lib/http/request-guard.ts, lib/http/server-action-guard.ts);
 * 2. anonymous page views are sent to /login — convenience only, NOT authorization: pages, server
 *    actions and route handlers each resolve the actor themselves (a valid JWT here may belong to
 *    a user who has since been disabled or signed out);
 * 3. the Content Security Policy with this request's nonce goes on the request, where Next reads
 *    the nonce for its own scripts while rendering, and on the response (lib/http/csp.ts).
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const refused = refuseMalformedRequest(request) ?? (await refuseBadServerAction(request));
  if (refused) return secured(refused, request);

  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PATH.test(pathname)) {
    // The secret is read per request, never at build time: it may be generated at run time.
    const options = { secret: getAuthSecret(), pages: { signIn: '/login' } };
    const bounce = await withAuth(request as NextRequestWithAuth, options);
    if (bounce) return secured(bounce, request);
  }

  const policy = await policyFor(pathname);
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  const dropped = dropUnusableCallbackCookies(headers);
  const response = NextResponse.next({ request: { headers } });
  expireCookies(response.cookies, dropped);
  return secured(response, request, policy);
}

function secured(response: Response, request: NextRequest, policy?: string): Response {
  for (const [name, value] of Object.entries(securityHeaders(request.headers, policy))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Everything but Next's own assets: pages for the nonce and the sign-in redirect, and every path
  // for the malformed-request checks above.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
