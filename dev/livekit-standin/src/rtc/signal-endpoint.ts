import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Claims } from '../auth';
import { TwirpError } from '../errors';
import { sendText } from '../http-util';
import { validateConnect } from './connect-request';
import { RtcRefusal } from './refusal';
import { RtcSession, refuseResume, type SessionDeps } from './session';

/** The signal paths of the real server (livekit/livekit pkg/service/rtcservice.go SetupRoutes). */
export const RTC_PATHS = { '/rtc': 'v0', '/rtc/v1': 'v1' } as const;
export const VALIDATE_PATHS = { '/rtc/validate': 'v0', '/rtc/v1/validate': 'v1' } as const;

export type RtcPath = keyof typeof RTC_PATHS;
export type ValidatePath = keyof typeof VALIDATE_PATHS;

export const isRtcPath = (path: string): path is RtcPath => path in RTC_PATHS;
export const isValidatePath = (path: string): path is ValidatePath => path in VALIDATE_PATHS;

/**
 * WebRTC signalling for real LiveKit clients: the WebSocket upgrade of `/rtc/v1` (single
 * PeerConnection, livekit-client 2.x's default) and `/rtc` (legacy, two PeerConnections), and
 * the `validate` endpoints the client asks when an upgrade fails.
 */
export class SignalEndpoint {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  constructor(private readonly deps: SessionDeps) {}

  /** `GET /rtc[/v1]/validate`: the same checks as a join, answered as text. */
  validate(res: ServerResponse, path: ValidatePath, url: URL, claims: Claims | undefined): void {
    try {
      validateConnect(claims, url.searchParams, VALIDATE_PATHS[path] === 'v1', true);
      sendText(res, 200, 'success');
    } catch (error) {
      if (!(error instanceof RtcRefusal)) throw error;
      sendText(res, error.status, error.message);
    }
  }

  /** A non-WebSocket request to a signal path: the real server answers a bare 404. */
  static notUpgrade(res: ServerResponse): void {
    res.writeHead(404, { 'Content-Length': 0 });
    res.end();
  }

  upgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    path: RtcPath,
    url: URL,
    claims: Claims | undefined,
  ): void {
    const mode = RTC_PATHS[path];
    let session: RtcSession;
    try {
      const request = validateConnect(claims, url.searchParams, mode === 'v1', false);
      if (request.reconnect) {
        // Sessions are not resumed: the client is told to rejoin from scratch (README).
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          ws.send(refuseResume(request.protocol).toBinary());
          ws.close();
        });
        return;
      }
      session = new RtcSession(this.deps, request, mode);
      session.join();
    } catch (error) {
      if (error instanceof RtcRefusal) return refuse(socket, error.status, error.message);
      // A refused join (a full room) fails the connection like the real server's StartSession.
      if (error instanceof TwirpError) return refuse(socket, 500, error.msg);
      throw error;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => session.attach(ws));
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}

/** Writes a plain-text HTTP error on a socket that asked to upgrade, then closes it. */
export function refuse(socket: Duplex, status: number, message: string): void {
  const body = Buffer.from(message);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      'X-Content-Type-Options: nosniff\r\n' +
      `Content-Length: ${body.length}\r\n` +
      'Connection: close\r\n\r\n' +
      message,
  );
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  500: 'Internal Server Error',
};
