import { request } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { BareListener } from './bare-listener';
import { startPortalListener } from './portal-listener';
import { MAX_BODY_BYTES } from './read-request';

// What the API port answers before any LiveKit call: no key at all is refused as on the routes
// (AUTH_REQUIRED on, the default), and the body limits hold without buffering past them. Its
// answers for real calls are checked against the routes' in e2e/api/portal.spec.ts.
let listener: BareListener;

beforeAll(async () => {
  listener = await startPortalListener({ port: 0, host: '127.0.0.1' });
});
afterAll(() => listener.close());

function send(
  method: string,
  path: string,
  body?: Buffer | string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{
  status: number;
  headers: Record<string, unknown>;
  json: { error?: { code: string } };
}> {
  // Node frames a DELETE body only when told its length.
  const framing =
    body !== undefined && !headers['transfer-encoding']
      ? { 'content-length': String(Buffer.byteLength(body)) }
      : {};
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: listener.port, method, path, headers: { ...headers, ...framing } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text) }),
        );
      },
    );
    // The server may answer and close before an oversized upload is fully written.
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
    });
    req.end(body);
  });
}

describe('the API port (MODERATO_API_PORT)', () => {
  it('refuses a call without a key as the route does: 401 with WWW-Authenticate', async () => {
    const answer = await send('DELETE', '/livekit/participant', '{"room_name":"r"}');
    expect(answer).toMatchObject({
      status: 401,
      json: { error: { code: 'unauthenticated' } },
      headers: {
        'www-authenticate': 'Bearer',
        'x-content-type-options': 'nosniff',
        // Once, though the door's answer names it too (as `Cache-Control`).
        'cache-control': 'no-store',
      },
    });
  });

  it('stops reading a body past the limit, and closes the connection after answering', async () => {
    const huge = Buffer.alloc(MAX_BODY_BYTES + 64 * 1024, 'a');
    const answer = await send('POST', '/livekit/participant/mute', huge, {
      'content-type': 'application/json',
      authorization: 'Bearer mdk_unknown',
      // Chunked, so the size is learnt only by reading.
      'transfer-encoding': 'chunked',
    });
    // The key is judged first, as on the route; the upload was cut off at the limit either way.
    expect(answer.status).toBe(401);
    expect(answer.headers.connection).toBe('close');
  });

  it('serves the portal endpoints only: 404 elsewhere, 405 with Allow for another method', async () => {
    expect(await send('GET', '/api/v1/rooms')).toMatchObject({
      status: 404,
      json: { error: { code: 'not_found' } },
    });
    expect(await send('GET', '/livekit/participant')).toMatchObject({
      status: 405,
      headers: { allow: 'DELETE' },
    });
  });
});
