import 'server-only';

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { z } from 'zod';

import { withoutDoors } from './node-request-guard';

/** Slow or stalled clients are cut off: what these ports serve are single small requests. */
const REQUEST_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 5_000;

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

/** A listener's port setting: unset or empty = no listener. */
export const optionalPortSchema = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.coerce.number().int().min(1).max(65_535).optional(),
);

export interface BareListener {
  port: number;
  close(): Promise<void>;
}

/**
 * A plain node:http server in the dashboard's process, for the doors that are worth serving
 * without Next.js's per-request pipeline (about 1.4 ms of CPU per request on a 2-core machine,
 * before any route code runs: bench:live and bench:api measure it as their floor). They share the
 * process's singletons (bus, store, caches), so they act exactly as their routes do.
 */
export function startBareListener(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  { port, host }: { port: number; host: string },
): Promise<BareListener> {
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A request stream that failed (the client hung up mid-body) has nobody left to answer;
      // anything else is a bug of ours: logged here, a bare 500 there, never a stack.
      if (req.destroyed) return res.destroy();
      console.error('[moderato] listener: a request failed', err);
      if (res.headersSent) return res.destroy();
      sendJson(res, 500, { error: { code: 'internal', message: 'The request failed.' } });
    });
  });
  withoutDoors(server);
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({ port: (server.address() as AddressInfo).port, close: () => closeServer(server) });
    });
  });
}

/** A small JSON answer, with the headers every answer of these ports carries. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  // Names lowercased: Node sends `Cache-Control` and `cache-control` as two headers, not one.
  const answer: Record<string, string> = { ...SECURITY_HEADERS };
  for (const [name, value] of Object.entries(headers)) answer[name.toLowerCase()] = value;
  res.writeHead(status, {
    ...answer,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** 404 for a path the port does not serve, 405 with `Allow` for a method it does not take. */
export function sendNotServed(res: ServerResponse, allowed: readonly string[]): void {
  if (allowed.length === 0) {
    return sendJson(res, 404, { error: { code: 'not_found', message: 'Not found.' } });
  }
  sendJson(
    res,
    405,
    { error: { code: 'method_not_allowed', message: `Use ${allowed.join(' or ')}.` } },
    { allow: allowed.join(', ') },
  );
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets idle between requests would hold close() open.
    server.closeIdleConnections();
  });
}
