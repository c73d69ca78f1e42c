import 'server-only';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { RequestCookies } from 'next/dist/server/web/spec-extension/cookies';
import { getServerSession } from 'next-auth';

import { findUserById } from '@/lib/db/users';
import { actorWithRole, type Actor, type ActorSource } from '@/lib/domain/actor';

import { getAuthOptions } from './options';
import { PATH_HEADER } from './path-header';

/** next-auth v4's session cookie (also `__Secure-…` on https, `….0`/`….1` when chunked). */
const SESSION_COOKIE = 'next-auth.session-token';

/**
 * The signed-in caller, or null. Every page, server action and route handler calls this itself —
 * the proxy only bounces anonymous page views and is never the authorization decision.
 * Every call checks the server-side session record (next-auth's session callback, through
 * lib/auth/sessions.ts: cached ≤ 2 s, dropped at once on revocation), so a signed-out or revoked
 * session is refused although its JWT has not expired; and the user is re-read from the database,
 * so a disabled account or a changed role or tenant takes effect immediately.
 *
 * `request`: read the cookies and headers from it rather than from Next's request scope — what
 * route handlers have, and the only way outside Next's pipeline (lib/live/live-node-door.ts).
 */
export async function getActor(
  source: ActorSource = 'ui',
  request?: Request,
): Promise<Actor | null> {
  // Cookies first: a request without a session cookie needs no crypto or DB work, and reading a
  // request API before the auth options makes Next bail out of build-time prerendering before
  // anything (the generated secret file) is touched with build-time env.
  const cookieList = request
    ? new RequestCookies(request.headers).getAll()
    : (await cookies()).getAll();
  if (!cookieList.some((c) => c.name.includes(SESSION_COOKIE))) return null;
  const session = request
    ? await sessionOf(request, cookieList)
    : await getServerSession(getAuthOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await findUserById(userId);
  if (!user || user.disabled) return null;
  return actorWithRole({
    userId: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    tenant: user.tenant,
    source,
  });
}

/**
 * next-auth v4's `getServerSession(req, res, options)`: what its no-argument form does with Next's
 * `headers()` and `cookies()`, done with the request's own. As in that form, cookies next-auth would
 * set while reading a session are not sent: `res` drops them (a read never needs them).
 */
function sessionOf(request: Request, cookieList: { name: string; value: string }[]) {
  const req = {
    headers: Object.fromEntries(request.headers),
    cookies: Object.fromEntries(cookieList.map((c) => [c.name, c.value])),
  };
  const res = { getHeader() {}, setCookie() {}, setHeader() {} };
  type Args = Parameters<typeof getServerSession<ReturnType<typeof getAuthOptions>>>;
  return getServerSession(...([req, res, getAuthOptions()] as unknown as Args));
}

/** Only same-origin paths: anything else (other hosts, `//evil`) becomes `/`. */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw) return '/';
  try {
    const base = 'http://moderato.invalid';
    const url = new URL(raw, base);
    if (url.origin !== base) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

/**
 * For server pages and layouts: the actor, or a redirect to the login page and back to
 * `callbackPath` (default: the path the proxy recorded, else `/`).
 */
export async function requireActor(callbackPath?: string): Promise<Actor> {
  const actor = await getActor('ui');
  if (actor) return actor;
  const path = callbackPath ?? (await headers()).get(PATH_HEADER) ?? '/';
  redirect(`/login?callbackUrl=${encodeURIComponent(safeCallbackPath(path))}`);
}
