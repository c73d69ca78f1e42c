import 'server-only';

import { embedCaller } from '@/lib/callers/embed-caller';
import { DomainError } from '@/lib/domain/errors';
import { findOperation } from '@/lib/domain/registry';
import { runOperation } from '@/lib/domain/run-operation';

import { jsonBody } from './read-request';
import { errorResponse } from './respond';

/**
 * POST /api/embed/operations/{name}: the embedded page's writes, any operation of the registry by
 * name with its input as the body, exactly what the dashboard's server action takes (the iframe
 * cannot use server actions: they authenticate with the session cookie, and an iframe holds its
 * session in memory). Only an embed session is accepted here; what it may do is its role's
 * permissions, decided by the runner as on every door (an embed role is never admin). Reads go
 * through /api/v1, which takes embed sessions like any other caller.
 */
export async function handleEmbedOperation(request: Request, name: string): Promise<Response> {
  try {
    const operation = findOperation(name);
    if (!operation) throw new DomainError('not_found', 'Unknown operation.');
    const actor = await embedCaller.resolve({ request, source: 'embed' });
    if (!actor) {
      throw new DomainError(
        'unauthenticated',
        'Send the embed session as “Authorization: Embed <token>”.',
      );
    }
    const result = await runOperation(operation, actor, await jsonBody(request));
    return Response.json(result ?? null, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return errorResponse(err);
  }
}
