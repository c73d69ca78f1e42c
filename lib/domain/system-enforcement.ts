import 'server-only';

import { ROLE_PERMISSIONS } from '@/lib/contracts/permissions';

import type { Actor } from './actor';
import { recordAudit, type AuditAttempt } from './audit';
import { notifyAuditObservers } from './audit-observers';
import { DomainError } from './errors';

/**
 * Who live enforcement (bans, room locks, microphone restrictions) is audited as: a system actor
 * with an admin's rights in the room's tenant, so its rows show in that tenant's audit log.
 */
export function systemActor(key: string, name: string, tenant: string | null): Actor {
  return {
    userId: `system:${key}`,
    username: name.toLowerCase(),
    name,
    role: 'admin',
    permissions: ROLE_PERMISSIONS.admin,
    tenant,
    rooms: null,
    source: 'system',
  };
}

/**
 * Runs one enforcement step and audits it like a moderator's action, observers included (so it
 * reaches the room's timeline): a success row when its result says it acted (`acted`; by default,
 * a result of `true`), an error row when it throws (rethrown, so the next event or sweep tries
 * again), and no row when there was nothing to do (the participant had already left, or was
 * already restricted). Answers the step's result.
 */
export async function auditEnforcement<T>(
  attempt: AuditAttempt,
  act: () => Promise<T>,
  acted: (result: T) => boolean = (result) => result === true,
): Promise<T> {
  let result: T;
  try {
    result = await act();
  } catch (err) {
    const errorCode = err instanceof DomainError ? err.code : 'internal';
    await recordAudit({ ...attempt, outcome: 'error', errorCode });
    notifyAuditObservers({ ...attempt, outcome: 'error', errorCode, atMs: Date.now() });
    throw err;
  }
  if (acted(result)) {
    await recordAudit({ ...attempt, outcome: 'success' });
    notifyAuditObservers({ ...attempt, outcome: 'success', atMs: Date.now() });
  }
  return result;
}
