import 'server-only';

import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';

import { errorResponse } from './respond';
import { isValidRouterState, ROUTER_STATE_HEADER } from './router-state';
import { sendWebResponse } from './node-web-bridge';

/** The methods some route of this app takes (each route narrows them further). */
const ALLOW = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
type Holder = typeof globalThis & {
  __moderatoNodeRequestGuard?: boolean;
  __moderatoNodeDoors?: NodeDoor[];
  __moderatoServersWithoutDoors?: WeakSet<object>;
};
const holder = globalThis as Holder;

/**
 * A request the app answers on the Node response itself, before Next's per-request pipeline
 * (lib/live/live-node-door.ts). `claims` decides synchronously, from the method and path alone;
 * a door reuses the route's own decision, so the route and the door cannot drift apart.
 */
export interface NodeDoor {
  claims(request: IncomingMessage): boolean;
  serve(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

/**
 * Servers of this process that are not Next's (lib/http/bare-listener.ts: the webhook and portal
 * ports): the refusals above still apply there, no door does — they serve only their own paths.
 */
export function withoutDoors(server: object): void {
  (holder.__moderatoServersWithoutDoors ??= new WeakSet()).add(server);
}

function doorFor(server: unknown, request: IncomingMessage): NodeDoor | undefined {
  if (holder.__moderatoServersWithoutDoors?.has(server as object)) return undefined;
  return holder.__moderatoNodeDoors?.find((door) => door.claims(request));
}

function serveByDoor(door: NodeDoor, request: IncomingMessage, response: ServerResponse): void {
  door.serve(request, response).catch((err: unknown) => {
    // Nobody is left to answer a client that hung up; anything else is a bug, logged, a bare 500.
    if (response.headersSent || request.destroyed) return response.destroy();
    return sendWebResponse(response, errorResponse(err)).catch(() => response.destroy());
  });
}

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
 * event to answer the requests above before Next sees them, and to hand `doors`' requests to them.
 */
export function guardNodeRequests(doors: readonly NodeDoor[] = []): void {
  holder.__moderatoNodeDoors = [...doors];
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
        const door = doorFor(this, request);
        if (door) {
          serveByDoor(door, request, response);
          return true;
        }
      }
      return emit.call(this, event, ...args);
    };
  }
  holder.__moderatoNodeRequestGuard = true;
}
