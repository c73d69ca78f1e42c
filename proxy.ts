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

export function proxy(request: NextRequest, event: NextFetchEvent) {
  return authProxy()(request as NextRequestWithAuth, event);
}

export const config = {
  // Everything except the API (it answers 401 itself), Next internals, the login page and files.
  matcher: ['/((?!api(?:/|$)|_next/|login(?:/|$)|favicon\\.ico$|.*\\.[A-Za-z0-9]+$).*)'],
};
