import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TwirpError } from './errors';

/** Reads the body, or returns `undefined` once it overruns `limit` (no honest Content-Length). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let overrun = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) overrun = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(overrun ? undefined : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

/** Plain-text answers as Go writes them (`text/plain; charset=utf-8`), e.g. the auth 401s. */
export function sendText(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Go's `http.NotFound`: note the trailing newline `http.Error` appends. */
export const sendNotFound = (res: ServerResponse): void =>
  sendText(res, 404, '404 page not found\n');

export function sendJson(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Twirp errors are always JSON with `Content-Type: application/json` exactly (§1.5, §7.14). */
export const sendTwirpError = (res: ServerResponse, error: TwirpError): void =>
  sendJson(res, error.status, JSON.stringify(error));
