/** next-auth's callback-URL cookie: `next-auth.callback-url`, `__Secure-…` over HTTPS. */
const CALLBACK_COOKIE = /^(?:__Secure-)?next-auth\.callback-url$/;

/**
 * Removes next-auth callback-URL cookies whose value is not an http(s) URL from a request's
 * `Cookie` header and returns their names, for the response to expire them. next-auth checks that
 * cookie on every session read and answers a bad one with a 500 — for getServerSession, a failure
 * of every page — yet only a client can write such a value; next-auth never does.
 */
export function dropUnusableCallbackCookies(headers: Headers): string[] {
  const header = headers.get('cookie');
  if (!header || !header.includes('next-auth.callback-url')) return [];
  const dropped: string[] = [];
  const kept = header.split(';').filter((pair) => {
    const at = pair.indexOf('=');
    const name = (at === -1 ? pair : pair.slice(0, at)).trim();
    if (!CALLBACK_COOKIE.test(name) || isHttpUrl(decoded(pair.slice(at + 1).trim()))) return true;
    dropped.push(name);
    return false;
  });
  if (dropped.length) headers.set('cookie', kept.join(';'));
  return dropped;
}

/** Where a response's cookies are set: `NextResponse.cookies`, or `ResponseCookies` over headers. */
interface CookieJar {
  set(
    name: string,
    value: string,
    options: { path: string; maxAge: number; secure: boolean },
  ): unknown;
}

/**
 * Expires the cookies dropUnusableCallbackCookies took off the request: the browser forgets them.
 */
export function expireCookies(jar: CookieJar, names: readonly string[]): void {
  for (const name of names) {
    jar.set(name, '', { path: '/', maxAge: 0, secure: name.startsWith('__Secure-') });
  }
}

/** next-auth's own test (lib/assert.js): absolute http(s), or a path from the site's root. */
function isHttpUrl(value: string): boolean {
  try {
    const base = value.startsWith('/') ? 'http://moderato.invalid' : undefined;
    return /^https?:$/.test(new URL(value, base).protocol);
  } catch {
    return false;
  }
}

/** Cookie values arrive %-encoded when they can be decoded, as is otherwise (Next's parser). */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
