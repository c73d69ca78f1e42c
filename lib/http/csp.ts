/**
 * The Content Security Policy of every response the proxy answers, with a fresh nonce per request.
 *
 * Scripts: only those carrying this request's nonce run, and whatever they load ('strict-dynamic':
 * Next's chunks, Redoc). Next reads the nonce from the *request's* CSP header (proxy.ts sets it)
 * and puts it on its own inline bootstrap and chunk scripts, which is why every page renders per
 * request. No 'unsafe-inline' scripts; no 'unsafe-eval' in production — neither React nor Next
 * evaluates strings there (development needs it for React's server-error replay).
 *
 * Styles: 'unsafe-inline' stays. React `style` attributes (table virtualisation, Radix popovers)
 * and the <style> tags styled-components inserts for Redoc on /api-reference cannot carry a nonce,
 * and a nonce in style-src would switch 'unsafe-inline' off. Injected CSS cannot run code.
 *
 * Workers: Redoc's search index runs in a worker it creates from a blob: URL.
 *
 * Connections: our own origin, plus LiveKit's on the one page that joins a room from the browser
 * (the watch view, lib/http/watch-connect-sources.ts).
 */
export function contentSecurityPolicy(
  nonce: string,
  frameAncestors: readonly string[] = ["'self'"],
  connectSources: readonly string[] = [],
): string {
  const devEval = process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devEval}`,
    "style-src 'self' 'unsafe-inline'",
    // Images are ours or inline. Redoc's Redocly logo (from Redocly's CDN) is refused on purpose:
    // who reads the API reference is no third party's business.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectSources].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    // Destructive buttons must not be clickjacked from another site. Embedded pages name their
    // portal's allowed origins instead (lib/http/embed-framing.ts); none at all is 'none'.
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
    "form-action 'self'",
  ].join('; ');
}

/** 128 random bits, base64 (the alphabet Next's nonce parser accepts). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The nonce of a policy made above: what proxy.ts put on the request, read back by a server
 * component that renders an inline script of its own (the embed boot script), as Next does for
 * its own scripts. Undefined without one.
 */
export function nonceOf(policy: string | null): string | undefined {
  return policy ? /'nonce-([A-Za-z0-9+/]+={0,2})'/.exec(policy)?.[1] : undefined;
}
