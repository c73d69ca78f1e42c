import 'server-only';

import {
  EMBED_AUTH_SCHEME,
  EMBED_BOOT_GLOBAL,
  EMBED_PROTOCOL,
  EMBED_PROTOCOL_VERSION,
  FRAME_MESSAGES,
  HOST_MESSAGES,
} from '@/lib/contracts/embed';

/**
 * The first script of an embedded page, inline in its HTML (with the request's CSP nonce), so the
 * session does not wait for React: loading and hydrating the page's JavaScript takes several
 * hundred milliseconds, and the host's token, the session exchange and the page's first reads
 * (`reads`, lib/queries/embed-first-reads.ts) fit in that time (bench/embed.ts). It finds the
 * host among the portal's allowed origins (`ancestorOrigins` where the browser has it, else the
 * referrer's origin, which the default referrer policy sends across origins), says `ready` to it
 * only, and exchanges each token the host answers at POST /api/embed/session — the same exchange
 * the React side made before, with the same checks on the server. What it started waits on
 * `window[EMBED_BOOT_GLOBAL]` for the React side (lib/queries/embed-boot.ts), which keeps the
 * session in memory and renews it. Plain ES2017, like /embed.js (lib/embed/embed-script.ts).
 */
export function embedBootScript({
  allowedOrigins,
  reads,
}: {
  allowedOrigins: readonly string[];
  reads: readonly string[];
}): string {
  // `<` escaped: nothing in the data can close the script element it is inlined in.
  const constants = JSON.stringify({
    allowedOrigins,
    reads,
    global: EMBED_BOOT_GLOBAL,
    protocol: EMBED_PROTOCOL,
    version: EMBED_PROTOCOL_VERSION,
    ready: FRAME_MESSAGES.ready,
    token: HOST_MESSAGES.token,
    scheme: EMBED_AUTH_SCHEME,
  }).replace(/</g, '\\u003c');
  return `(function () {
  'use strict';
  var C = ${constants};
  if (window.parent === window) return;
  var origin = (location.ancestorOrigins && location.ancestorOrigins[0]) || null;
  if (!origin && document.referrer) {
    try { origin = new URL(document.referrer).origin; } catch (err) { origin = null; }
  }
  if (!origin || C.allowedOrigins.indexOf(origin) === -1) return;
  var boot = { origin: origin, exchanges: [], onExchange: null, reads: {} };
  window[C.global] = boot;
  var first = true;

  function startReads(sessionToken) {
    C.reads.forEach(function (path) {
      var response = fetch(path, {
        headers: { accept: 'application/json', authorization: C.scheme + ' ' + sessionToken },
        cache: 'no-store'
      });
      response.catch(function () {});
      boot.reads[path] = { atMs: Date.now(), response: response };
    });
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.protocol !== C.protocol || data.version !== C.version) return;
    if (data.type !== C.token || typeof data.token !== 'string') return;
    var exchange = fetch('/api/embed/session', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ token: data.token }),
      cache: 'no-store'
    });
    exchange.catch(function () {});
    // The reads wait for the first session only. Cloned before the React side reads the body:
    // this handler was attached first, so it runs first.
    if (first) {
      first = false;
      exchange
        .then(function (res) { return res.ok ? res.clone().json() : null; })
        .then(function (session) { if (session) startReads(session.sessionToken); })
        .catch(function () {});
    }
    if (boot.onExchange) boot.onExchange(exchange); else boot.exchanges.push(exchange);
  });
  window.parent.postMessage({ protocol: C.protocol, version: C.version, type: C.ready }, origin);
})();`;
}
