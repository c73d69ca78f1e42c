import 'server-only';

import type { AuditOutcome } from '@/lib/contracts/audit';
import {
  type AuditEventInput,
  type AuditSettlement,
  insertAuditEvent,
  settleAuditEvent,
} from '@/lib/db/audit';

import type { Actor } from './actor';
import { DomainError } from './errors';
import { retryInBackground } from './retry-in-background';

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

/** What is known of a write before it is attempted. */
export type AuditAttempt = Omit<AuditEntry, 'outcome' | 'errorCode'>;

export type { AuditSettlement };

/** Records the outcome of an attempt begun with beginAudit; never throws (see beginAudit). */
export type SettleAudit = (settlement: AuditSettlement) => Promise<void>;

export const AUDIT_UNAVAILABLE_MESSAGE = 'The audit log could not be written; nothing was done.';

/**
 * Writes one row for something that was not attempted (a refusal), so there is no outcome to wait
 * for. The caller's answer is the refusal whatever happens here: if the row cannot be written now,
 * it is retried in the background.
 */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  const row = toRow(entry);
  await insertAuditEvent(row).catch((error: unknown) => {
    warn(`could not record ${describe(row)}; retrying in the background`, error);
    retryInBackground(
      () => insertAuditEvent(row),
      (last) => fail(`gave up recording ${describe(row)}`, last),
    );
  });
}

/**
 * Write-ahead: records the attempt as `pending` before anything is asked of LiveKit or the store,
 * and returns how to record its outcome. When the row cannot be written (the database is locked
 * past its timeout, or down), this throws `audit_unavailable` and the write must not be attempted:
 * an action that cannot be audited is refused.
 *
 * Settling never throws: once LiveKit has acted, the caller must hear what really happened, even
 * if the database refuses the outcome at that moment. The update is then retried in the
 * background (the row stays `pending` meanwhile); if the process dies first, the next start
 * marks the row `unknown` (audit-reconcile.ts).
 */
export async function beginAudit(attempt: AuditAttempt): Promise<SettleAudit> {
  const row = toRow({ ...attempt, outcome: 'pending' });
  let id: string;
  try {
    ({ id } = await insertAuditEvent(row));
  } catch (error) {
    throw new DomainError('audit_unavailable', AUDIT_UNAVAILABLE_MESSAGE, { cause: error });
  }
  return async (settlement) => {
    const settle = () => settleAuditEvent(id, settlement);
    const outcome = [settlement.outcome, settlement.errorCode].filter(Boolean).join(' ');
    const what = `the outcome (${outcome}) of audit row ${id} (${row.action})`;
    await settle().catch((error: unknown) => {
      warn(`could not record ${what}; it stays pending while retried in the background`, error);
      retryInBackground(settle, (last) =>
        fail(`gave up recording ${what}; it becomes unknown at the next start`, last),
      );
    });
  };
}

function toRow(entry: AuditEntry): AuditEventInput {
  return {
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
    // The time of the attempt, not of whenever a retry gets through.
    atMs: Date.now(),
  };
}

function describe(row: AuditEventInput): string {
  const target = [row.roomName, row.identity, row.trackSid].filter(Boolean).join('/') || '-';
  return `the audit row ${row.action} ${row.outcome} by ${row.actorName} on ${target}`;
}

// One line per event, with the database's own message: for operators, never for clients.
function warn(message: string, error: unknown): void {
  console.warn(`[moderato] audit: ${message} (${errorText(error)})`);
}

function fail(message: string, error: unknown): void {
  console.error(`[moderato] audit: ${message} (${errorText(error)})`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
