import 'server-only';

import { resolveCaller } from '@/lib/callers/resolve-caller';
import { DomainError } from '@/lib/domain/errors';
import { isRead } from '@/lib/domain/operation';
import { runOperation } from '@/lib/domain/run-operation';

import { matchRoute } from './api-routes';
import { handleRoomCommand, isCommandPath } from './command-door';
import { jsonBody, pathSegments, queryObject } from './read-request';
import { errorResponse } from './respond';

export const API_PREFIX = '/api/v1';

/**
 * Every /api/v1 request: find the registry operation for the method and path, resolve the caller
 * (the proxy is not authorization), gather path params + query (reads) or JSON body (writes) into
 * one input, and let the runner validate, authorize, act and audit. Success answers the DTO (201
 * for creations, 204 when there is nothing to say); failure answers `{ error }` with its status.
 */
export async function handleApiRequest(request: Request): Promise<Response> {
  let allow: string | undefined;
  try {
    const segments = pathSegments(request, API_PREFIX);
    // OpenTalk's commands, one endpoint per room: a door of its own over the same operations.
    if (isCommandPath(segments)) return await handleRoomCommand(request, segments[1]!);
    const match = matchRoute(request.method, segments);
    if (match.kind === 'not_found') throw new DomainError('not_found', 'No such API path.');
    if (match.kind === 'method_not_allowed') {
      allow = match.allow.join(', ');
      throw new DomainError('method_not_allowed', `Use ${allow} on this path.`);
    }
    const { operation, params } = match;
    const actor = await resolveCaller({ request, source: 'api' });
    if (!actor) throw new DomainError('unauthenticated', 'Sign in or send an API key.');
    const fields = isRead(operation) ? queryObject(request) : await jsonBody(request);
    const clash = Object.keys(params).filter((name) => Object.hasOwn(fields, name));
    if (clash.length > 0) {
      throw new DomainError('invalid_input', `${clash.join(', ')} is set by the path.`, {
        fieldErrors: Object.fromEntries(clash.map((name) => [name, ['Set by the path']])),
      });
    }
    const input = { ...fields, ...params };
    const result = await runOperation(operation, actor, input);
    if (operation.http.respond) {
      return operation.http.respond(result, operation.input.parse(input));
    }
    if (operation.output === null) return new Response(null, { status: 204 });
    return Response.json(result, {
      status: operation.http.status ?? 200,
      headers: { 'Cache-Control': 'no-store' },
    });
  } catch (err) {
    return errorResponse(err, allow ? { Allow: allow } : undefined);
  }
}
