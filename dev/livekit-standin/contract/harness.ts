/**
 * Shared harness for the black-box contract suite.
 *
 * Target selection:
 * - `LIVEKIT_CONTRACT_URL` (+ `LIVEKIT_CONTRACT_API_KEY`, `LIVEKIT_CONTRACT_API_SECRET`) set → every
 *   file runs against that real LiveKit server and `isRealServer` is true.
 * - Otherwise, only if `LIVEKIT_CONTRACT_REAL=1`, the generic `LIVEKIT_URL` / `LIVEKIT_API_KEY` /
 *   `LIVEKIT_API_SECRET` are used. They are not picked up silently because a developer normally has
 *   them set for the dashboard, and the suite must not wander off to that server by accident.
 * - Otherwise each file (or describe block) starts its own stand-in on a random port.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  AccessToken,
  AgentDispatchClient,
  EgressClient,
  IngressClient,
  RoomServiceClient,
  type VideoGrant,
} from 'livekit-server-sdk';
import {
  StandinControl,
  type JoinRequest,
  type ParticipantJson,
  type ReceivedEntry,
  type StateResponse,
  type TrackJson,
  type TrackRequest,
} from '../src/client';
import type { Standin, StandinOptions } from '../src/index';

export type Json = Record<string, unknown>;

interface ServerCoordinates {
  url: string;
  apiKey: string;
  apiSecret: string;
}

function realServerFromEnv(): ServerCoordinates | undefined {
  const env = process.env;
  if (env.LIVEKIT_CONTRACT_URL) {
    return {
      url: env.LIVEKIT_CONTRACT_URL,
      apiKey: env.LIVEKIT_CONTRACT_API_KEY ?? 'devkey',
      apiSecret: env.LIVEKIT_CONTRACT_API_SECRET ?? 'secret',
    };
  }
  if (env.LIVEKIT_CONTRACT_REAL === '1' && env.LIVEKIT_URL) {
    return {
      url: env.LIVEKIT_URL,
      apiKey: env.LIVEKIT_API_KEY ?? 'devkey',
      apiSecret: env.LIVEKIT_API_SECRET ?? 'secret',
    };
  }
  return undefined;
}

export const realServer = realServerFromEnv();
export const isRealServer = realServer !== undefined;

/** Defaults that keep the suite fast; a real server uses ~3 s and 1 s respectively. */
export const STALL_MS = 150;
export const RETRY_BASE_MS = 20;

/** Lower bound we accept for the psrpc "no responder" delay. */
export const MIN_STALL_MS = isRealServer ? 2000 : STALL_MS - 20;

export const DEFAULT_KEY = 'devkey';
export const DEFAULT_SECRET = 'secret';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let roomCounter = 0;
/** Unique per test and per run, so files run in parallel and against a shared real server. */
export function uniqueRoom(label = 'r'): string {
  roomCounter += 1;
  const rand = Math.random().toString(36).slice(2, 8);
  return `ct-${label}-${process.pid}-${roomCounter}-${rand}`;
}

export async function waitFor<T>(
  fn: () => T | Promise<T>,
  timeoutMs = 5000,
  intervalMs = 25,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = new Error('condition stayed falsy');
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
      lastError = new Error(`condition stayed falsy (last value: ${String(value)})`);
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) throw lastError;
    await sleep(intervalMs);
  }
}

export interface RawResponse {
  status: number;
  headers: Headers;
  contentType: string | null;
  text: string;
  bytes: Uint8Array;
  /** Parsed JSON body; throws when the body is not JSON. */
  json: Json;
}

async function toRaw(res: Response): Promise<RawResponse> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return {
    status: res.status,
    headers: res.headers,
    contentType: res.headers.get('content-type'),
    text,
    bytes,
    get json(): Json {
      return JSON.parse(text) as Json;
    },
  };
}

export interface RawRequest {
  method?: string;
  /** A string or bytes are sent as is; anything else is JSON-encoded. */
  body?: unknown;
  contentType?: string | null;
  /** `null` = no Authorization header at all. */
  token?: string | null;
  authorization?: string;
  headers?: Record<string, string>;
}

export interface MintOptions {
  identity?: string;
  /** The participant's display name (the token's `name` claim). */
  name?: string;
  ttl?: number | string;
  key?: string;
  secret?: string;
  kind?: string;
}

export class Target {
  url = '';
  apiKey = DEFAULT_KEY;
  apiSecret = DEFAULT_SECRET;
  standin: Standin | undefined;
  rooms!: RoomServiceClient;
  dispatch!: AgentDispatchClient;
  egress!: EgressClient;
  ingress!: IngressClient;
  control!: ControlClient;

  async start(options: StandinOptions): Promise<void> {
    if (realServer) {
      this.url = realServer.url.replace(/^ws/, 'http').replace(/\/+$/, '');
      this.apiKey = realServer.apiKey;
      this.apiSecret = realServer.apiSecret;
    } else {
      const { startStandin } = await import('../src/index');
      this.standin = await startStandin({
        port: 0,
        stallMs: STALL_MS,
        webhookRetryBaseMs: RETRY_BASE_MS,
        log: () => {},
        ...options,
      });
      this.url = this.standin.url.replace(/\/+$/, '');
      const keys = options.keys ?? { [DEFAULT_KEY]: DEFAULT_SECRET };
      const first = Object.entries(keys)[0];
      if (!first) throw new Error('no keys configured');
      this.apiKey = first[0];
      this.apiSecret = first[1];
    }
    this.rooms = new RoomServiceClient(this.url, this.apiKey, this.apiSecret);
    this.dispatch = new AgentDispatchClient(this.url, this.apiKey, this.apiSecret);
    this.egress = new EgressClient(this.url, this.apiKey, this.apiSecret);
    this.ingress = new IngressClient(this.url, this.apiKey, this.apiSecret);
    this.control = new ControlClient(this);
  }

  async close(): Promise<void> {
    await this.standin?.close();
  }

  /** An HS256 token signed with this target's key, carrying `grant` as its video grant. */
  async token(grant: VideoGrant | undefined, opts: MintOptions = {}): Promise<string> {
    const at = new AccessToken(opts.key ?? this.apiKey, opts.secret ?? this.apiSecret, {
      identity: opts.identity,
      name: opts.name,
      ttl: opts.ttl ?? '10m',
    });
    if (grant) at.addGrant(grant);
    if (opts.kind) at.kind = opts.kind;
    return at.toJwt();
  }

  async fetch(path: string, req: RawRequest = {}): Promise<RawResponse> {
    const headers: Record<string, string> = { ...req.headers };
    if (req.contentType !== null) headers['Content-Type'] = req.contentType ?? 'application/json';
    if (req.authorization !== undefined) headers.Authorization = req.authorization;
    else if (req.token) headers.Authorization = `Bearer ${req.token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (typeof req.body === 'string') body = req.body;
    else if (req.body instanceof Uint8Array) body = new Uint8Array(req.body);
    else if (req.body !== undefined) body = JSON.stringify(req.body);
    const res = await fetch(this.url + path, { method: req.method ?? 'POST', headers, body });
    return toRaw(res);
  }

  /** POST /twirp/livekit.<service>/<method>; `grant` builds a fresh token unless `token` is given. */
  async twirp(
    service: string,
    method: string,
    body: unknown,
    opts: RawRequest & { grant?: VideoGrant } = {},
  ): Promise<RawResponse> {
    let token = opts.token;
    if (token === undefined && opts.grant) token = await this.token(opts.grant);
    return this.fetch(`/twirp/livekit.${service}/${method}`, { ...opts, body, token });
  }

  room(method: string, body: unknown, grant: VideoGrant, opts: RawRequest = {}) {
    return this.twirp('RoomService', method, body, { ...opts, grant });
  }
}

/**
 * Registers beforeAll/afterAll that start (and stop) a target for the enclosing describe or file.
 * The returned object is populated once beforeAll has run.
 */
export function setupTarget(options: StandinOptions | (() => StandinOptions) = {}): Target {
  const target = new Target();
  beforeAll(async () => {
    await target.start(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    await target.close();
  });
  return target;
}

/** Asserts a Twirp JSON error: exact content type, status, code and (optionally) msg. */
export function expectTwirpError(
  res: RawResponse,
  status: number,
  code: string,
  msg?: string | RegExp,
): Json {
  expect({ status: res.status, contentType: res.contentType, body: res.text }).toMatchObject({
    status,
    contentType: 'application/json',
  });
  const body = res.json;
  expect(body.code).toBe(code);
  if (typeof msg === 'string') expect(body.msg).toBe(msg);
  else if (msg) expect(body.msg).toMatch(msg);
  return body;
}

/** Asserts a plain-text (non-Twirp) error body, ignoring the trailing newline Go adds. */
export function expectPlainError(res: RawResponse, status: number, text: string): void {
  expect(res.status).toBe(status);
  expect(res.contentType ?? '').toMatch(/^text\/plain/);
  expect(res.text.replace(/\n$/, '')).toBe(text);
}

export const ALL_ADMIN = (room: string): VideoGrant => ({ roomAdmin: true, room });

// ---------------------------------------------------------------------------------------------
// Control API (stand-in only)

export type TrackSpec = TrackRequest;
/** A join without its room and identity, which `ControlClient.join` takes separately. */
export type JoinSpec = Omit<JoinRequest, 'room' | 'identity'>;
export type { ParticipantJson, ReceivedEntry, TrackJson };

export const MIC: TrackSpec = { type: 'AUDIO', source: 'MICROPHONE', name: 'mic' };
export const CAM: TrackSpec = { type: 'VIDEO', source: 'CAMERA', name: 'cam' };
export const SCREEN: TrackSpec = { type: 'VIDEO', source: 'SCREEN_SHARE', name: 'screen' };

/**
 * The suite's view of the control API: the typed `StandinControl` for everything that should
 * succeed, and `raw` for the cases that check how the API refuses (no token, forged token, bad
 * bodies), which a typed client must not be able to send.
 */
export class ControlClient {
  private readonly typed: StandinControl;

  constructor(private readonly target: Target) {
    this.typed = new StandinControl({
      url: target.url,
      apiKey: target.apiKey,
      apiSecret: target.apiSecret,
    });
  }

  async raw(method: string, path: string, body?: unknown, token?: string | null) {
    const t =
      token === undefined ? await this.target.token(undefined, { identity: 'test' }) : token;
    return this.target.fetch(`/standin/v1${path}`, {
      method,
      body,
      token: t,
      contentType: body === undefined ? null : 'application/json',
    });
  }

  join(room: string, identity: string, spec: JoinSpec = {}): Promise<ParticipantJson> {
    return this.typed.join({ room, identity, ...spec });
  }

  leave(room: string, identity: string): Promise<void> {
    return this.typed.leave(room, identity);
  }

  publish(room: string, identity: string, track: TrackSpec): Promise<TrackJson> {
    return this.typed.publish(room, identity, track);
  }

  unpublish(room: string, identity: string, trackSid: string): Promise<void> {
    return this.typed.unpublish(room, identity, trackSid);
  }

  selfMute(room: string, identity: string, trackSid: string, muted: boolean): Promise<TrackJson> {
    return this.typed.selfMute(room, identity, trackSid, muted);
  }

  received(room: string, identity: string): Promise<ReceivedEntry[]> {
    return this.typed.received(room, identity);
  }

  receivedOf<T extends ReceivedEntry['type']>(room: string, identity: string, type: T) {
    return this.typed.receivedOf(room, identity, type);
  }

  reset(): Promise<void> {
    return this.typed.reset();
  }

  state(): Promise<StateResponse> {
    return this.typed.state();
  }
}

// ---------------------------------------------------------------------------------------------
// Webhook sink

export interface WebhookRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Parsed body, or undefined when it is not JSON. */
  json: Json | undefined;
  status: number;
  at: number;
}

export class WebhookSink {
  url = '';
  readonly requests: WebhookRequest[] = [];
  /** Status to answer; a function may decide per request (e.g. by room). */
  respond: number | ((body: Json | undefined, attempt: number) => number) = 200;
  private server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Json | undefined;
      try {
        json = JSON.parse(body) as Json;
      } catch {
        json = undefined;
      }
      const id = json?.id;
      const attempt = this.requests.filter((r) => id !== undefined && r.json?.id === id).length;
      const status =
        typeof this.respond === 'function' ? this.respond(json, attempt) : this.respond;
      this.requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        json,
        status,
        at: Date.now(),
      });
      res.statusCode = status;
      res.end();
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/hook`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Requests whose body concerns `room` (by room.name), in arrival order. */
  forRoom(room: string): WebhookRequest[] {
    return this.requests.filter((r) => (r.json?.room as Json | undefined)?.name === room);
  }

  eventsForRoom(room: string): string[] {
    return this.forRoom(room).map((r) => String(r.json?.event));
  }

  /** Waits for a webhook for `room` with `event` that satisfies `pred`, and returns it. */
  waitForEvent(
    room: string,
    event: string,
    pred: (r: WebhookRequest) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<WebhookRequest> {
    return waitFor(
      () => this.forRoom(room).find((r) => r.json?.event === event && pred(r)),
      timeoutMs,
    );
  }
}

export function setupWebhookSink(): WebhookSink {
  const sink = new WebhookSink();
  beforeAll(async () => {
    await sink.start();
  });
  afterAll(async () => {
    await sink.close();
  });
  return sink;
}

// ---------------------------------------------------------------------------------------------
// Low-level HTTP for what fetch cannot do (lying Content-Length)

export function postDeclaringLength(
  url: string,
  declaredLength: number,
  headers: Record<string, string>,
): Promise<{ status: number; contentType: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(declaredLength) },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          text: Buffer.concat(chunks).toString('utf8'),
        });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.write('{');
  });
}

export function b64(bytes: Uint8Array | Buffer): string {
  return Buffer.from(bytes).toString('base64');
}

/** Decodes a received-log data payload (base64) to a UTF-8 string. */
export function decodePayload(entry: ReceivedEntry): string {
  if (entry.type !== 'data') throw new Error(`no payload in ${JSON.stringify(entry)}`);
  return Buffer.from(entry.payload, 'base64').toString('utf8');
}
