import 'server-only';

import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The web `Request` of a Node request, for doors written against the Fetch API (the portal door)
 * when a bare node:http listener serves them. The body is read here, up to `maxBodyBytes` + 1: a
 * door that limits bodies to `maxBodyBytes` then refuses it as too large, and the rest of an
 * oversized upload is never buffered (`truncated`: the connection should close after the answer).
 */
export async function webRequestOf(
  req: IncomingMessage,
  maxBodyBytes: number,
): Promise<{ request: Request; truncated: boolean }> {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  const method = req.method ?? 'GET';
  let body: Uint8Array<ArrayBuffer> | undefined;
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
    body = new Uint8Array(Buffer.concat(chunks));
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  return { request: new Request(url, { method, headers, body }), truncated };
}

/** Writes a web `Response` (a small, finished body: JSON) to a Node response. */
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
