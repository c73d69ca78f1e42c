import { connect } from 'node:net';

import { expect, signIn, test } from '../fixtures';
import { actionIds, actionResult } from '../moderation/support';
import { E2E } from '../support/ports';

import { cookieHeader, sendRaw, type RawAnswer, type RawRequest } from './raw-http';
import { expectNoStackTrace, logOffset } from './server-log';

/**
 * Every request Next or next-auth used to answer with a 500 and a stack trace in the log, each
 * refused now with the 4xx it deserves — and the server logs no stack trace for any of them.
 */

const BASE_URL = `http://127.0.0.1:${E2E.dashboardPort}`;
const HOST = `127.0.0.1:${E2E.dashboardPort}`;

/** Writes raw bytes on one connection and returns everything the server sends back. */
function sendPipelined(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(E2E.dashboardPort, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
    socket.setTimeout(15_000, () => socket.destroy());
    socket.end(bytes);
  });
}

function withoutOrigin(request: RawRequest): RawRequest {
  const { origin: _origin, ...headers } = request.headers ?? {};
  return { ...request, headers };
}

interface Case {
  name: string;
  request: RawRequest;
  status: number;
  /** More to check on the answer. */
  check?: (answer: RawAnswer) => void;
}

test('requests that crashed Next or next-auth get a 4xx and leave no stack trace in the log', async () => {
  test.setTimeout(90_000);
  const { ok, state } = await signIn(BASE_URL, 'viewer', 'viewer-demo');
  expect(ok).toBe(true);
  const session = cookieHeader(state.cookies);
  const actionId = actionIds().runOperationAction;
  const action = (body: string, headers: Record<string, string> = {}): RawRequest => ({
    method: 'POST',
    path: '/rooms',
    headers: {
      cookie: session,
      origin: BASE_URL,
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      'next-action': actionId,
      ...headers,
    },
    body,
  });
  const page = (method: string, path = '/rooms'): RawRequest => ({
    method,
    path,
    headers: { cookie: session },
  });
  const json = { 'content-type': 'application/json' };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const notFoundAction = (answer: RawAnswer) =>
    expect(answer.headers['x-nextjs-action-not-found']).toBe('1');

  const cases: Case[] = [
    // Methods: the WHATWG Request Next builds for the proxy cannot carry TRACE; pages are not WebDAV.
    { name: 'TRACE a page', request: page('TRACE'), status: 405 },
    { name: 'TRACE the API', request: page('TRACE', '/api/v1/rooms'), status: 405 },
    // Node's own parser refuses methods it does not know.
    { name: 'TRACK the login page', request: page('TRACK', '/login'), status: 400 },
    { name: 'OPTIONS a page', request: page('OPTIONS'), status: 405 },
    { name: 'PROPFIND a page', request: page('PROPFIND'), status: 405 },
    { name: 'PROPFIND the API', request: page('PROPFIND', '/api/v1/rooms'), status: 405 },
    // A multipart POST to a page is decoded as a no-JS form action (this app has none).
    {
      name: 'multipart garbage to a page',
      request: {
        method: 'POST',
        path: '/login',
        headers: { 'content-type': 'multipart/form-data; boundary=x', origin: 'not a url' },
        body: 'garbage',
      },
      status: 415,
    },
    // Server actions: Origin and X-Forwarded-Host.
    {
      name: 'action, Origin not a URL',
      request: action('["listRooms",{}]', { origin: 'x y' }),
      status: 403,
    },
    {
      name: 'action, Origin null',
      request: action('["listRooms",{}]', { origin: 'null' }),
      status: 403,
    },
    {
      name: 'action, empty Origin',
      request: action('["listRooms",{}]', { origin: '' }),
      status: 403,
    },
    { name: 'action, no Origin', request: withoutOrigin(action('["listRooms",{}]')), status: 403 },
    {
      name: 'action, cross-site Origin',
      request: action('["listRooms",{}]', { origin: 'http://evil.example' }),
      status: 403,
    },
    {
      name: 'action, X-Forwarded-Host not the Origin',
      request: action('["listRooms",{}]', { 'x-forwarded-host': 'evil.example' }),
      status: 403,
    },
    {
      name: 'action, X-Forwarded-Host garbage',
      request: action('["listRooms",{}]', { 'x-forwarded-host': '%%%' }),
      status: 403,
    },
    // Server actions: ids and bodies.
    {
      name: 'action, unknown id',
      request: action('[]', { 'next-action': 'ab'.repeat(21) }),
      status: 409,
      check: notFoundAction,
    },
    {
      name: 'action, malformed id',
      request: action('[]', { 'next-action': 'zzz' }),
      status: 400,
      check: notFoundAction,
    },
    { name: 'action, JSON that does not parse', request: action('["listRooms",{'), status: 400 },
    { name: 'action, a bad BigInt', request: action('["getRoom","$nabc"]'), status: 400 },
    { name: 'action, a missing part', request: action('["getRoom","$Q1"]'), status: 400 },
    {
      name: 'action, 100,000 levels deep',
      request: action(`${'['.repeat(1e5)}${']'.repeat(1e5)}`),
      status: 400,
    },
    {
      name: 'action, 5 MB',
      request: action(JSON.stringify(['getRoom', 'x'.repeat(5 * 2 ** 20)])),
      status: 413,
    },
    {
      name: 'action, multipart garbage',
      request: action('garbage', { 'content-type': 'multipart/form-data; boundary=x' }),
      status: 415,
    },
    // next-auth: unparsable JSON, odd callback URLs, unknown providers, a forged callback cookie.
    {
      name: 'POST /api/auth/session {',
      request: { method: 'POST', path: '/api/auth/session', headers: json, body: '{' },
      status: 400,
    },
    {
      name: 'POST /api/auth/callback/credentials {',
      request: { method: 'POST', path: '/api/auth/callback/credentials', headers: json, body: '{' },
      status: 400,
    },
    {
      name: 'POST /api/auth/signout {',
      request: { method: 'POST', path: '/api/auth/signout', headers: json, body: '{' },
      status: 400,
    },
    {
      name: 'session, callbackUrl javascript:',
      request: page('GET', '/api/auth/session?callbackUrl=javascript:alert(1)'),
      status: 400,
    },
    {
      name: 'sign-in, callbackUrl unparsable',
      request: page('GET', '/api/auth/signin?callbackUrl=http://%5B::1'),
      status: 400,
    },
    {
      name: 'sign-in, callbackUrl another site',
      request: page('GET', '/api/auth/signin?callbackUrl=//evil.example/x'),
      status: 400,
    },
    {
      name: 'sign-in POST, callbackUrl in the body',
      request: {
        method: 'POST',
        path: '/api/auth/signin/credentials',
        headers: form,
        body: 'callbackUrl=javascript%3Ax',
      },
      status: 400,
    },
    { name: 'unknown provider', request: page('GET', '/api/auth/signin/nope'), status: 404 },
    {
      name: 'unknown provider callback',
      request: { method: 'POST', path: '/api/auth/callback/nope', headers: form, body: 'a=1' },
      status: 404,
    },
    {
      name: 'a page with a forged callback-URL cookie',
      request: {
        method: 'GET',
        path: '/rooms',
        headers: { cookie: `${session}; next-auth.callback-url=javascript%3Aalert(1)` },
      },
      status: 200,
      check: (answer) =>
        expect(String(answer.headers['set-cookie'])).toMatch(
          /next-auth\.callback-url=;.*Max-Age=0/i,
        ),
    },
    {
      name: 'the session with a forged callback-URL cookie',
      request: {
        method: 'GET',
        path: '/api/auth/session',
        headers: { cookie: `${session}; next-auth.callback-url=javascript%3Aalert(1)` },
      },
      status: 200,
    },
    {
      name: "next-auth's client log endpoint",
      request: {
        method: 'POST',
        path: '/api/auth/_log',
        headers: form,
        body: 'level=error&code=X&message=spam%0Aat%20x',
      },
      status: 204,
    },
  ];

  const offset = await logOffset();
  for (const { name, request, status, check } of cases) {
    const answer = await sendRaw(request);
    expect.soft(answer.status, `${name}: ${answer.text.slice(0, 200)}`).toBe(status);
    expect.soft(answer.text, `${name}: no stack trace`).not.toMatch(/\n\s+at /);
    check?.(answer);
  }
  // A request with garbage after it on the same connection: Node answers the garbage 400 and
  // closes the connection under the page still rendering, which Next then logged as an error.
  const pipelined = await sendPipelined(
    `GET /rooms HTTP/1.1\r\nHost: ${HOST}\r\nCookie: ${session}\r\n\r\n` +
      `${'x'.repeat(100)}\r\n\r\n`,
  );
  expect(pipelined).toContain('HTTP/1.1 400 Bad Request');

  // The checks did not just break actions: a well-formed one still runs.
  const fine = await sendRaw(action('["listRooms",{}]'));
  expect(fine.status).toBe(200);
  expect(actionResult(fine.text)).toMatchObject({ ok: true });

  await expectNoStackTrace(offset, 'refused requests');
});
