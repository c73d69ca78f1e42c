'use client';

import { signOut } from 'next-auth/react';

/**
 * Signs out and opens the sign-in page on the address the browser is using. next-auth's own
 * redirect goes to NEXTAUTH_URL's host, which need not be this one (the demo's `localhost` while
 * the browser is on `127.0.0.1`, a second hostname behind a proxy): a different origin with no
 * cookies. A full load, so no cached data of the session outlives it.
 */
export async function signOutHere(): Promise<void> {
  // A path: next-auth's default, this page's absolute URL, is refused on another host (lib/http/
  // auth-request-guard.ts). Where the browser goes is decided below.
  await signOut({ redirect: false, callbackUrl: '/login' });
  // A full load on purpose (see above), which the router's push is not.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign('/login');
}
