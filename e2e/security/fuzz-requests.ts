import { E2E } from '../support/ports';

import type { RawRequest } from './raw-http';

/**
 * The malformed requests of fuzz.spec.ts: pages, the server action, /api/v1 and /api/auth, with
 * odd methods, paths, queries, headers, cookies and bodies. Request `i` of a seed is always the
 * same, whatever order or concurrency they go out in.
 *
 * Nothing here can change anything: the admin session goes on reads only; every other request is
 * anonymous or carries a forged session, and nothing fetches a CSRF token, so no sign-in attempt
 * reaches the password check (or its throttling).
 */

const BASE_URL = `http://127.0.0.1:${E2E.dashboardPort}`;

/** mulberry32: small, fast, and the same sequence everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;

const ROOM = 'fuzz-room-that-does-not-exist';
const PAGES = ['/', '/rooms', `/rooms/${ROOM}`, '/audit', '/users', '/login', '/api-reference'];
const API = [
  '/api/v1/rooms',
  `/api/v1/rooms/${ROOM}`,
  `/api/v1/rooms/${ROOM}/participants`,
  `/api/v1/rooms/${ROOM}/participants/alice`,
  `/api/v1/rooms/${ROOM}/participants/alice/tracks/TR_x/mute`,
  '/api/v1/users',
  '/api/v1/users/no-such-user',
  '/api/v1/audit',
  '/api/v1/audit/export',
  '/api/v1/livekit/status',
  '/api/v1',
  '/api/openapi.json',
  '/api/health',
];
const AUTH = [
  '/api/auth/session',
  '/api/auth/csrf',
  '/api/auth/providers',
  '/api/auth/signin',
  '/api/auth/signin/credentials',
  '/api/auth/signin/oidc',
  '/api/auth/signin/nope',
  '/api/auth/callback/credentials',
  '/api/auth/callback/oidc',
  '/api/auth/signout',
  '/api/auth/error',
  '/api/auth/_log',
  '/api/auth/verify-request',
  '/api/auth',
];
const FILES = ['/favicon.ico', '/robots.txt', '/x.js', '/_next/data/x.json', '/_next/nothing'];
const SEGMENTS = [
  '%ZZ',
  '%',
  '%C0%AF',
  '%00',
  '%2e%2e',
  '..',
  '%2F',
  '%F0%9F%98%80',
  '%25',
  '$T',
  '{}',
  '[0]',
  ';x=1',
  '\\',
  '__proto__',
  'a'.repeat(3000),
  '<script>',
  '%E2%80%AE',
];
const URLS = [
  'javascript:alert(1)',
  '//evil.example',
  'http://evil.example/',
  'http://%5B::1',
  'rooms',
  '/\\evil.example',
  '%ZZ',
  'data:text/html,x',
  `${BASE_URL}/rooms`,
  '/rooms?x=%ZZ',
];
const QUERIES: ((rng: Rng) => string)[] = [
  (rng) => `callbackUrl=${encodeURIComponent(pick(rng, URLS))}`,
  () => 'q=%ZZ',
  () => '_rsc=garbage',
  () => 'limit=-1&from=yesterday&to=%ZZ',
  () => 'x='.repeat(500),
  () => '__proto__[polluted]=1',
  () => 'error=%0A%0D',
  () => 'participant=%ZZ',
];
const METHODS = [
  'GET',
  'GET',
  'HEAD',
  'POST',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'TRACK',
  'PROPFIND',
  'MKCOL',
  'LOCK',
  'FOO',
];
const ORIGINS = [BASE_URL, 'http://evil.example', 'null', 'not a url', '', 'http://[::1', 'x:'];
const CONTENT_TYPES = [
  'application/json',
  'text/plain;charset=UTF-8',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'application/json; charset=garbage',
  'garbage',
  'text/x-component',
];
const MARKERS = ['$T', '$@0', '$K1', '$Q0', '$1', '$h0', '$n-x', '$D-x', '$', '$undefined', '$$x'];

function body(rng: Rng): string | Buffer {
  switch (Math.floor(rng() * 12)) {
    case 0:
      return '{';
    case 1:
      return Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0x00, 0x80]);
    case 2:
      return JSON.stringify([pick(rng, ['listRooms', 'getRoom', 'muteTrack']), pick(rng, MARKERS)]);
    case 3:
      return JSON.stringify(['getRoom', { roomName: pick(rng, MARKERS), identity: 'ann' }]);
    case 4: {
      const depth = pick(rng, [40, 5_000, 100_000]);
      return `${'['.repeat(depth)}${']'.repeat(depth)}`;
    }
    case 5:
      return `--x\r\nContent-Disposition: form-data; name="1_$ACTION_ID_x"\r\n\r\n${pick(rng, MARKERS)}\r\n--x--`;
    case 6:
      return `csrfToken=x&callbackUrl=${encodeURIComponent(pick(rng, URLS))}&json=true`;
    case 7:
      return JSON.stringify({ callbackUrl: pick(rng, URLS), csrfToken: 'x', roomName: ROOM });
    case 8:
      return chance(rng, 0.2) ? 'x'.repeat(1_100_000) : 'x'.repeat(70_000);
    case 9:
      return chance(rng, 0.5)
        ? JSON.stringify({ name: '$T', metadata: '\u0000'.repeat(10), limit: 1e308 })
        : JSON.stringify({ callbackUrl: { href: '/' }, csrfToken: [1], json: true });
    case 10:
      return '';
    default:
      return 'level=error&code=FUZZ&message=hello';
  }
}

/**
 * Request `i` of the run of `seed`. `admin` is the Cookie header of an admin session, used on reads
 * only; `actionId` the real server-action id.
 */
export function fuzzRequest(
  seed: number,
  i: number,
  { admin, actionId }: { admin: string; actionId: string },
): RawRequest {
  const rng = random(seed + i * 0x9e3779b1);
  let path = pick(rng, [...PAGES, ...PAGES, ...API, ...AUTH, ...FILES]);
  if (chance(rng, 0.35)) path = `${path.replace(/\/$/, '')}/${pick(rng, SEGMENTS)}`;
  if (chance(rng, 0.3)) path = `${path}?${pick(rng, QUERIES)(rng)}`;
  const method = pick(rng, METHODS);
  const safe = method === 'GET' || method === 'HEAD';
  const headers: Record<string, string> = {};

  const cookies: string[] = [];
  if (safe && chance(rng, 0.6)) cookies.push(admin);
  else if (chance(rng, 0.3)) cookies.push('next-auth.session-token=garbage.not.a.jwe');
  if (chance(rng, 0.15)) {
    cookies.push(`next-auth.callback-url=${encodeURIComponent(pick(rng, URLS))}`);
  }
  if (chance(rng, 0.05)) cookies.push(`big=${'c'.repeat(6_000)}`);
  if (cookies.length) headers.cookie = cookies.join('; ');

  const isAction = method === 'POST' && chance(rng, 0.4);
  if (isAction) {
    headers['next-action'] = pick(rng, [actionId, actionId, 'ab'.repeat(21), 'zzz', '']);
    // Anonymous actions run on public pages only (the rest bounce to /login first).
    if (chance(rng, 0.5)) path = pick(rng, ['/login', '/x.js', '/rooms', `/rooms/${ROOM}`]);
  }
  if (chance(rng, 0.6)) headers.origin = pick(rng, ORIGINS);
  if (chance(rng, 0.2)) {
    headers['x-forwarded-host'] = pick(rng, [
      'evil.example',
      '%%%',
      'a, b',
      `127.0.0.1:${E2E.dashboardPort}`,
    ]);
  }
  if (chance(rng, 0.1))
    headers['x-forwarded-proto'] = pick(rng, ['https', 'gopher', 'https, http']);
  if (chance(rng, 0.1))
    headers['x-forwarded-for'] = pick(rng, ['1.2.3.4', 'garbage', '::1, 999.1.1.1']);
  if (chance(rng, 0.15)) {
    headers.rsc = '1';
    headers['next-router-state-tree'] = pick(rng, ['garbage', '%5B%22x%22', '[]', '%ZZ']);
  }
  if (chance(rng, 0.05)) headers['next-router-prefetch'] = '1';
  if (chance(rng, 0.05)) headers['next-router-segment-prefetch'] = pick(rng, ['/_tree', 'garbage']);
  if (chance(rng, 0.05)) headers['next-url'] = pick(rng, ['/%ZZ', 'garbage']);
  if (chance(rng, 0.05)) headers['x-middleware-subrequest'] = 'proxy:proxy:proxy:proxy:proxy';
  if (chance(rng, 0.05)) headers['x-nextjs-data'] = '1';
  if (chance(rng, 0.05)) headers.range = 'bytes=garbage';
  if (chance(rng, 0.05)) headers.accept = pick(rng, ['text/x-component', '*/*;q=garbage']);

  let payload: string | Buffer | undefined;
  if (!safe && method !== 'OPTIONS' && chance(rng, 0.8)) {
    payload = body(rng);
    headers['content-type'] = isAction
      ? pick(rng, ['text/plain;charset=UTF-8', 'text/plain;charset=UTF-8', ...CONTENT_TYPES])
      : pick(rng, CONTENT_TYPES);
  }
  return { method, path, headers, body: payload };
}
