import 'server-only';

import type { AuditEntry } from './audit';

/** A settled write or a refusal, as written to the audit log. */
export type SettledAudit = Omit<AuditEntry, 'outcome'> & {
  outcome: 'success' | 'denied' | 'error';
  atMs: number;
};

export type AuditObserver = (entry: SettledAudit) => void;

// On globalThis: Next bundles server actions and route handlers separately (lib/live/process-singleton.ts).
const KEY = Symbol.for('moderato.audit.observers');
const observers = ((globalThis as Record<symbol, Set<AuditObserver> | undefined>)[KEY] ??=
  new Set<AuditObserver>());

/**
 * Lets other layers (live updates) hear of moderator actions without the domain depending on them.
 * Observers run after the row is written (or queued for retry), must not throw and must not block.
 */
export function observeAudit(observer: AuditObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

export function notifyAuditObservers(entry: SettledAudit): void {
  for (const observer of observers) {
    try {
      observer(entry);
    } catch (err) {
      console.error('[moderato] audit observer failed', err);
    }
  }
}
