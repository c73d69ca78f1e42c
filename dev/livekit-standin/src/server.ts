import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Authenticator } from './auth';
import type { ControlApi } from './control';
import { CONTROL_PREFIX } from './control-path';
import { sendJson, sendNotFound, sendText } from './http-util';
import { SignalEndpoint, isRtcPath, isValidatePath, refuse } from './rtc/signal-endpoint';
import { TWIRP_PREFIX, serveTwirp, type TwirpService } from './twirp';

export interface HttpDeps {
  authenticator: Authenticator;
  services: Record<string, TwirpService>;
  control: ControlApi | undefined;
  /** WebRTC signalling of real clients (`/rtc`, `/rtc/v1` and their `validate`). */
  signal: SignalEndpoint;
  maxBodyBytes: number;
  /** LiveKit Cloud mode: also answers Cloud's region discovery (`/settings/regions`). */
  cloud: boolean;
  log: (line: string) => void;
}

/**
 * The single listener. Middleware order mirrors the real server (§1.1): CORS → leading
 * double-slash fix → body-size limit → API-key auth → routes (Twirp, control API, health check).
 */
export function createHttpServer(deps: HttpDeps): Server {
  const server = createServer((req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      deps.log(`request failed: ${String(error)}`);
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
    });
  });
  // WebSocket upgrades pass the same API-key auth; only the signal paths accept one.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      const url = new URL(req.url ?? '/', 'http://standin');
      const auth = deps.authenticator.authenticate(req, url);
      if (!auth.ok) return refuse(socket, 401, auth.message);
      if (!isRtcPath(url.pathname)) return refuse(socket, 404, '404 page not found\n');
      deps.signal.upgrade(req, socket, head, url.pathname, url, auth.claims);
    } catch (error) {
      deps.log(`upgrade failed: ${String(error)}`);
      refuse(socket, 500, 'internal error');
    }
  });
  return server;
}

async function handle(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (applyCors(req, res)) return;
  // A base URL with a trailing slash produces `//twirp/...`; the server strips one slash. (Done
  // before URL parsing, which would read `//twirp` as a host.)
  let target = req.url ?? '/';
  if (target.startsWith('//')) target = target.slice(1);
  const url = new URL(target, 'http://standin');
  const path = url.pathname;

  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > deps.maxBodyBytes) {
    res.setHeader('Connection', 'close');
    return sendText(res, 413, 'request body too large');
  }

  const auth = deps.authenticator.authenticate(req, url);
  if (!auth.ok) return sendText(res, 401, auth.message);

  if (path.startsWith(TWIRP_PREFIX)) {
    const match = /^\/twirp\/livekit\.([A-Za-z]+)\//.exec(path);
    const service = match ? deps.services[match[1]!] : undefined;
    if (match && service) {
      const context = { claims: auth.claims };
      return serveTwirp(req, res, path, match[1]!, service, context, deps.maxBodyBytes);
    }
  }
  if (deps.control && path.startsWith(CONTROL_PREFIX)) {
    return deps.control.serve(req, res, path, auth.claims);
  }
  if (isValidatePath(path)) return deps.signal.validate(res, path, url, auth.claims);
  // The signal paths only answer WebSocket upgrades (handled in createHttpServer).
  if (isRtcPath(path)) return SignalEndpoint.notUpgrade(res);
  if (path === '/') return sendText(res, 200, 'OK');
  // Cloud serves region discovery here, which the SDK reads for failover (§1.4); the open-source
  // server has no such route (§1.1), so in OSS mode it falls through to the plain 404.
  if (deps.cloud && path === '/settings/regions') {
    const url = `http://${req.headers.host ?? '127.0.0.1'}`;
    return sendJson(
      res,
      200,
      JSON.stringify({ regions: [{ region: 'standin', url, distance: '0' }] }),
    );
  }
  return sendNotFound(res);
}

/**
 * rs/cors as configured by LiveKit: every origin reflected, all headers allowed and exposed,
 * preflights answered here and cached for a day. Returns true when the request is done.
 */
function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  const requestedMethod = req.headers['access-control-request-method'];
  if (req.method === 'OPTIONS' && requestedMethod) {
    res.writeHead(204, {
      Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': requestedMethod.toUpperCase(),
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '',
      'Access-Control-Max-Age': '86400',
    });
    res.end();
    return true;
  }
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', '*');
  return false;
}
