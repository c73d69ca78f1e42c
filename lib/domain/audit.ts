import 'server-only';

import { insertAuditEvent } from '@/lib/db/audit';

import type { Actor } from './actor';
import type { AuditOutcome } from './dto';
import { DomainError } from './errors';

export interface AuditTarget {
  roomName?: string;
  identity?: string;
  trackSid?: string;
}

export interface AuditEntry {
  actor: Actor;
  /** `<entity>.<past-tense>`, e.g. `participant.removed`, `track.muted`. */
  action: string;
  target?: AuditTarget;
  params?: Record<string, unknown>;
  outcome: AuditOutcome;
  errorCode?: string;
}

/** Writes one audit row. Awaited by callers: an action is not acknowledged before it is recorded. */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  await insertAuditEvent({
    actorId: entry.actor.userId,
    actorName: entry.actor.username,
    role: entry.actor.role,
    tenant: entry.actor.tenant,
    action: entry.action,
    roomName: entry.target?.roomName ?? null,
    identity: entry.target?.identity ?? null,
    trackSid: entry.target?.trackSid ?? null,
    params: entry.params ?? null,
    outcome: entry.outcome,
    errorCode: entry.errorCode ?? null,
    source: entry.actor.source,
  });
}

/**
 * Runs an action's authorize + act steps and audits the attempt whatever happens: `success`,
 * `denied` (the role lacks the permission), or `error` with its code. Another tenant's room is
 * recorded like a missing one (`error` / `not_found`): the masking happens before the audit too.
 * Validation failures never get here — they are rejected before anything is attempted.
 */
export async function audited<T>(
  actor: Actor,
  action: string,
  target: AuditTarget,
  params: Record<string, unknown> | undefined,
  act: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await act();
  } catch (err) {
    const code = err instanceof DomainError ? err.code : 'internal';
    const outcome: AuditOutcome = code === 'forbidden' ? 'denied' : 'error';
    await recordAudit({ actor, action, target, params, outcome, errorCode: code });
    throw err;
  }
  await recordAudit({ actor, action, target, params, outcome: 'success' });
  return result;
}
