/**
 * The fixed response headers next.config.ts gives every path (Next applies them to whatever it
 * answers), kept here so the Node door (lib/live/live-node-door.ts), which answers before Next,
 * sends the same. No imports: next.config.ts loads this file.
 */
export const EVERY_PATH_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
] as const;

/**
 * Every path but the embedded pages (/embed/{portalId}/…), which their portal's origins may
 * frame. For browsers that predate CSP's frame-ancestors; the Content Security Policy itself
 * carries a nonce per request, so proxy.ts sets it (lib/http/csp.ts).
 */
export const SELF_FRAMED_HEADERS = [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }] as const;

/** next.config's `source` for SELF_FRAMED_HEADERS. */
export const SELF_FRAMED_SOURCE = '/((?!embed/).*)';

/** The headers above that apply to `pathname`, as next.config.ts's rules select them. */
export function staticHeadersFor(pathname: string): Record<string, string> {
  const rules = pathname.startsWith('/embed/')
    ? EVERY_PATH_HEADERS
    : [...EVERY_PATH_HEADERS, ...SELF_FRAMED_HEADERS];
  return Object.fromEntries(rules.map(({ key, value }) => [key, value]));
}
