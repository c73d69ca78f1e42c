import 'server-only';

import { getActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';

import { errorResponse } from './respond';

type RouteContext<P> = { params: Promise<P> };

interface HandlerArgs<P> {
  actor: Actor;
  request: Request;
  params: P;
}

/**
 * The REST adapter: resolves the caller itself (the proxy is not authorization), hands raw params to
 * the handler, and turns DomainErrors into JSON errors. Handlers return a DTO (→ 200 JSON), `null`
 * (→ 204) or a ready Response (downloads).
 */
export function withActor<P = Record<string, never>>(
  handler: (args: HandlerArgs<P>) => Promise<unknown>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      assertSameOriginForWrites(request);
      const actor = await getActor('api');
      if (!actor) throw new DomainError('unauthenticated', 'Sign in to use the Moderato API.');
      const result = await handler({ actor, request, params: await context.params });
      if (result instanceof Response) return result;
      if (result === null) return new Response(null, { status: 204 });
      return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/**
 * Cookie-authenticated writes must come from our own pages: a cross-site form or fetch carrying the
 * session cookie is refused (CSRF). Browsers always send Origin on non-GET requests.
 */
function assertSameOriginForWrites(request: Request): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin && host && new URL(origin).host !== host) {
    throw new DomainError('forbidden', 'Cross-site request refused.');
  }
}

/** Query string → plain object for domain validation. */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
