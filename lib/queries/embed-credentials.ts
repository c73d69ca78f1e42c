import { EMBED_AUTH_SCHEME } from '@/lib/contracts/embed';

/**
 * The embed session of this browsing context, in memory only: set by the embed frame
 * (components/embed/embed-frame.tsx) inside an iframe, never in the dashboard itself. No cookie
 * is involved, so the embed works when the browser blocks third-party cookies, and the session
 * dies with the iframe.
 */
let sessionToken: string | null = null;

export function setEmbedSessionToken(token: string | null): void {
  sessionToken = token;
}

/** Whether this page is an embedded one (requests then carry the embed session). */
export function isEmbedded(): boolean {
  return sessionToken !== null;
}

/** The `Authorization` header of an embedded page's requests; empty in the dashboard. */
export function embedAuthHeaders(): Record<string, string> {
  return sessionToken ? { authorization: `${EMBED_AUTH_SCHEME} ${sessionToken}` } : {};
}
