import 'server-only';

import type { Actor } from './actor';
import { DomainError } from './errors';

/**
 * The answer when a room name or username is already taken. Both namespaces are global (LiveKit
 * has one room namespace, the store one of usernames), so a tenant-bound admin can be refused a
 * name that only another tenant uses — and must not learn from the refusal that it exists there.
 * It therefore gets one validation error for every taken name, its own tenant's or another's: the
 * same code, status and sentence ("not available, choose another"), also in the audit log. It
 * cannot tell a foreign name from one of its own, and never sees whose it is. (That the name is
 * unusable is unavoidable while the namespace is shared.) Callers that see every tenant get the
 * precise `conflict`.
 */
export function takenNameError(
  actor: Actor,
  taken: { field: string; label: string; what: string; name: string },
): DomainError {
  if (actor.tenant === null) {
    return new DomainError('conflict', `A ${taken.what} named “${taken.name}” already exists.`, {
      fieldErrors: { [taken.field]: [`This ${taken.label} is taken`] },
    });
  }
  const message = 'This name is not available. Choose another.';
  return new DomainError('invalid_input', message, { fieldErrors: { [taken.field]: [message] } });
}
