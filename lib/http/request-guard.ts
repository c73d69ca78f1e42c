import type { NextRequest } from 'next/server';

import { isApiPath, refusal } from './refusal';

/** Pages are read (GET, HEAD) and take server actions (POST). */
const PAGE_METHODS = ['GET', 'HEAD', 'POST'];
/** Route handlers pick from these per path (405 with `Allow` for the rest, theirs). */
const API_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Requests refused on their URL, method and headers alone, before Next routes them:
 * - a malformed %-escape in the path: Next decodes route parameters first and answers a bare 500;
 * - a method outside the sets above (PROPFIND, OPTIONS on a page…): pages would render as if it
 *   were GET, and WebDAV-style methods have no meaning here;
 * - a multipart POST that is not a server action: on a page — or on an /api path no route handles,
 *   which renders the not-found page — Next decodes it as a no-JS form action (this app has none),
 *   and garbage or a bad `Origin` there is a 500; no route handler takes multipart either.
 * TRACE and malformed router-state headers never get here: lib/http/node-request-guard.ts.
 */
export function refuseMalformedRequest(request: NextRequest): Response | null {
  const { pathname } = request.nextUrl;
  const api = isApiPath(pathname);
  if (!isDecodable(pathname)) {
    return refusal(
      pathname,
      'invalid_input',
      api ? 'The URL path has a malformed %-escape.' : 'Bad request: malformed URL.',
    );
  }
  const allowed = api ? API_METHODS : PAGE_METHODS;
  if (!allowed.includes(request.method)) {
    return refusal(pathname, 'method_not_allowed', `${request.method} is not supported here.`, {
      allow: allowed.join(', '),
    });
  }
  const multipart = request.headers.get('content-type')?.toLowerCase().startsWith('multipart/');
  if (multipart && !request.headers.has('next-action')) {
    return refusal(pathname, 'unsupported_media_type', 'Multipart bodies are not accepted here.');
  }
  return null;
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
