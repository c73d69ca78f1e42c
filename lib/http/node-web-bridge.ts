import 'server-only';

import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What a door written against the Fetch API needs of a Node request when a bare node:http listener
 * serves it (the portal door): a web `Request` with its headers and URL, and the body's bytes, read
 * here up to `maxBodyBytes` + 1. A door that limits bodies to `maxBodyBytes` then refuses it as too
 * large, and the rest of an oversized upload is never buffered (`truncated`: the connection should
 * close after the answer). The body stays out of the `Request`: as a web stream it cost more than
 * the rest of the request's handling here (bench:api profile).
 */
export async function nodeRequestOf(
  req: IncomingMessage,
  maxBodyBytes: number,
): Promise<{ request: Request; body: Uint8Array; truncated: boolean }> {
  const headers = webHeadersOf(req);
  const method = req.method ?? 'GET';
  let body = new Uint8Array(0);
  let truncated = false;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size > maxBodyBytes) {
        truncated = true;
        break;
      }
    }
    body = Buffer.concat(chunks);
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  return { request: new Request(url, { method, headers }), body, truncated };
}

/** A Node request's headers as web `Headers`, repeated ones kept. */
export function webHeadersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  return headers;
}

/** Writes a web `Response` (a door's refusal, say) to a Node response, body buffered. */
export async function sendWebResponse(
  res: ServerResponse,
  response: Response,
  extraHeaders: Record<string, string | string[]> = {},
): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = { ...extraHeaders };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}
