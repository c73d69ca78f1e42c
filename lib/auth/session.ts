import 'server-only';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
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
 */
export async function getActor(source: ActorSource = 'ui'): Promise<Actor | null> {
  // Cookies first: a request without a session cookie needs no crypto or DB work, and reading a
  // request API before the auth options makes Next bail out of build-time prerendering before
  // anything (the generated secret file) is touched with build-time env.
  const cookieStore = await cookies();
  if (!cookieStore.getAll().some((c) => c.name.includes(SESSION_COOKIE))) return null;
  const session = await getServerSession(getAuthOptions());
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
