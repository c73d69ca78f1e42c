import 'server-only';

import type { AuditOutcome } from '@/lib/contracts/audit';
import { insertAuditEvent } from '@/lib/db/audit';

import type { Actor } from './actor';

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
