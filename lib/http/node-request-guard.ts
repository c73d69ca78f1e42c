import 'server-only';

import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';

import { isValidRouterState, ROUTER_STATE_HEADER } from './router-state';

/** The methods some route of this app takes (each route narrows them further). */
const ALLOW = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
type Holder = typeof globalThis & { __moderatoNodeRequestGuard?: boolean };
const holder = globalThis as Holder;

/**
 * Requests Next answers with a 500 and a logged stack trace before proxy.ts can refuse them:
 * - TRACE: Next builds a WHATWG `Request` for the proxy, and its constructor throws on TRACE (the
 *   proxy's matcher cannot select by method). Node's parser itself answers unknown methods (TRACK)
 *   with 400, and CONNECT never becomes a 'request' event.
 * - a router-state header Next cannot parse: Next hides that header from the proxy.
 */
function refusal(request: IncomingMessage): Refusal | null {
  if (request.method === 'TRACE') {
    return { status: 405, message: 'TRACE is not supported here.', headers: { allow: ALLOW } };
  }
  const routerState = request.headers[ROUTER_STATE_HEADER];
  if (routerState !== undefined && !isValidRouterState(routerState)) {
    return { status: 400, message: 'The router state header is malformed.' };
  }
  return null;
}

/**
 * Called once at server start (instrumentation.ts), idempotent: wraps the Node server's request
 * event to answer the requests above before Next sees them.
 */
export function guardNodeRequests(): void {
  if (holder.__moderatoNodeRequestGuard) return;
  for (const prototype of [http.Server.prototype, https.Server.prototype]) {
    const target = prototype as unknown as { emit: Emit };
    const emit = target.emit;
    target.emit = function (event, ...args) {
      if (event === 'request') {
        const [request, response] = args as [IncomingMessage, ServerResponse];
        const refused = refusal(request);
        if (refused) {
          response.writeHead(refused.status, {
            'content-type': 'text/plain',
            'cache-control': 'no-store',
            ...refused.headers,
          });
          response.end(refused.message);
          return true;
        }
      }
      return emit.call(this, event, ...args);
    };
  }
  holder.__moderatoNodeRequestGuard = true;
}
