import { type NextFetchEvent, type NextRequest, NextResponse } from 'next/server';
import {
  type NextMiddlewareWithAuth,
  type NextRequestWithAuth,
  withAuth,
} from 'next-auth/middleware';

import { PATH_HEADER } from '@/lib/auth/path-header';
import { getAuthSecret } from '@/lib/auth/secret';

/**
 * Convenience only: sends anonymous page views to /login instead of rendering an error. It is
 * NOT authorization — pages, server actions and route handlers each resolve the actor themselves
 * (a valid JWT here may belong to a user who has since been disabled).
 */
let handler: NextMiddlewareWithAuth | undefined;

function authProxy(): NextMiddlewareWithAuth {
  // Built on first request: the secret may be generated at run time, never at build time.
  handler ??= withAuth(
    (request) => {
      const headers = new Headers(request.headers);
      headers.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
      return NextResponse.next({ request: { headers } });
    },
    { secret: getAuthSecret(), pages: { signIn: '/login' } },
  );
  return handler;
}

/** Paths that need no sign-in redirect: the API answers 401 itself; the login page; files. */
const PUBLIC_PATH = /^\/(?:api(?:\/|$)|_next\/|login(?:\/|$)|favicon\.ico$|.*\.[A-Za-z0-9]+$)/;

export function proxy(request: NextRequest, event: NextFetchEvent) {
  // Next decodes route parameters before any route runs and answers a malformed %-escape with a
  // bare 500; refuse it here as the client's mistake it is.
  if (!isDecodable(request.nextUrl.pathname)) {
    return request.nextUrl.pathname.startsWith('/api/')
      ? Response.json(
          { error: { code: 'invalid_input', message: 'The URL path has a malformed %-escape.' } },
          { status: 400 },
        )
      : new Response('Bad request: malformed URL.', { status: 400 });
  }
  if (PUBLIC_PATH.test(request.nextUrl.pathname)) return NextResponse.next();
  return authProxy()(request as NextRequestWithAuth, event);
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Everything but Next's own assets: pages for the sign-in redirect, and every path for the
  // malformed-URL check above.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
