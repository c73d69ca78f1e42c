import 'server-only';

import type { IncomingMessage, ServerResponse } from 'node:http';

import { ResponseCookies } from 'next/dist/server/web/spec-extension/cookies';
import { NextRequest } from 'next/server';

import { dropUnusableCallbackCookies, expireCookies } from '@/lib/http/callback-cookie';
import type { NodeDoor } from '@/lib/http/node-request-guard';
import { sendWebResponse, webHeadersOf } from '@/lib/http/node-web-bridge';
import { refuseMalformedRequest } from '@/lib/http/request-guard';
import { policyFor, securityHeaders } from '@/lib/http/response-security';
import { staticHeadersFor } from '@/lib/http/static-headers';

import { admitLiveStream } from './live-admission';
import { feedLiveStream, LIVE_STREAM_HEADERS, liveStreamClient } from './sse-stream';

const LIVE_PATH = '/api/live';

/**
 * GET /api/live answered on the Node response, before Next's per-request pipeline sees it
 * (installed by lib/http/node-request-guard.ts): Next wraps each route handler's body stream in
 * its own pipe, about 80 KB of JS heap per open stream (bench:live). The decision is the route's
 * (lib/live/live-admission.ts: the same caller resolution, permission and refusals) and so is the
 * stream (lib/live/sse-stream.ts: hello, resume, filter, heartbeats); this door only adds what
 * proxy.ts and next.config.ts would put on the response, and writes frames with `res.write`,
 * holding back while the socket is full ('drain'). HEAD and the rest go on to the route.
 */
export const liveNodeDoor: NodeDoor = {
  claims: (req) => req.method === 'GET' && pathOf(req.url) === LIVE_PATH,
  serve: serveLiveStream,
};

function pathOf(url: string | undefined): string {
  const at = url?.indexOf('?') ?? -1;
  return at === -1 ? (url ?? '') : url!.slice(0, at);
}

export async function serveLiveStream(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The client may hang up while the caller is resolved: then nothing is opened for it.
  let gone = false;
  const onGone = () => {
    gone = true;
  };
  res.once('close', onGone);

  const headers = webHeadersOf(req);
  // What proxy.ts does on every path: the cookies next-auth would fail on leave the request, and
  // the response expires them.
  const dropped = dropUnusableCallbackCookies(headers);
  const request = new NextRequest(new URL(req.url ?? LIVE_PATH, 'http://localhost'), { headers });
  const answer = new Headers(staticHeadersFor(LIVE_PATH));
  expireCookies(new ResponseCookies(answer), dropped);

  const decided = await decide(request, answer);
  res.off('close', onGone);
  if (gone) return;
  if (decided instanceof Response) return sendWebResponse(res, decided, plain(answer));

  for (const [name, value] of Object.entries(LIVE_STREAM_HEADERS)) answer.set(name, value);
  // When the stream ends, so does its connection: ended by a shutdown (lib/live/shutdown.ts), the
  // EventSource's reconnection must not reuse this socket, which would keep the server open.
  answer.set('connection', 'close');
  res.writeHead(200, plain(answer));
  const client = liveStreamClient(decided.maxQueuedBytes);
  client.attach(
    {
      write: (chunk) => res.write(chunk),
      // A client dropped for falling behind is cut off at once: what Node still buffers for it
      // goes with the socket, and its EventSource reconnects with Last-Event-ID.
      end: (reason) => (reason === 'overflow' ? res.destroy() : res.end()),
    },
    true,
  );
  res.on('drain', () => client.drained());
  res.once('close', () => client.close('disconnected'));
  feedLiveStream(client, decided);
}

/** proxy.ts's checks and headers (the policy, HSTS), then the route's decision. */
async function decide(request: NextRequest, answer: Headers) {
  const refused = refuseMalformedRequest(request);
  const policy = refused ? undefined : await policyFor(LIVE_PATH);
  for (const [name, value] of Object.entries(securityHeaders(request.headers, policy))) {
    answer.set(name, value);
  }
  return refused ?? (await admitLiveStream(request));
}

/** Headers as Node's `writeHead` takes them (`set-cookie` as a list). */
function plain(headers: Headers): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.fromEntries(headers);
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  return out;
}
