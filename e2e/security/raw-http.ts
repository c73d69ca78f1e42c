import http from 'node:http';

import { E2E } from '../support/ports';

export interface RawRequest {
  method: string;
  /** Sent as is: no normalisation, no escaping. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * One request to the main e2e dashboard exactly as written — any method, a malformed path, any
 * header value — which Playwright's request API would normalise or refuse to send.
 */
export function sendRaw(request: RawRequest, timeoutMs = 30_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: E2E.dashboardPort,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    // A server may answer (413) before the upload ends and close the socket on the rest of it.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(request.body);
  });
}

/** The `Cookie` header of a storage state's cookies. */
export function cookieHeader(cookies: readonly { name: string; value: string }[]): string {
  return cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
}
