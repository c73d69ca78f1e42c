import 'server-only';

import { getActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';
import { toDomainError } from '@/lib/http/respond';

import type { ActionResult } from './action-result';

/**
 * The server-action adapter: resolves the actor from the session itself (a replayed action request
 * without a valid session gets `unauthenticated`), runs the domain function and turns DomainErrors
 * into a result. Nothing else — authorization, validation and audit are the domain's.
 */
export async function runAction<T>(fn: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await getActor('ui');
    if (!actor) throw new DomainError('unauthenticated', 'Your session has ended. Sign in again.');
    return { ok: true, data: await fn(actor) };
  } catch (err) {
    const { code, message, fieldErrors } = toDomainError(err);
    return { ok: false, error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
  }
}
