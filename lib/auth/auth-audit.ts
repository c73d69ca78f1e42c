import 'server-only';

import { insertAuditEvent } from '@/lib/db/audit';
import type { User } from '@/lib/db/users';
import type { AuditOutcome, AuditSource } from '@/lib/contracts/dto';
import type { SignInAuditAction } from '@/lib/domain/audit/audit-actions';

/** Audit rows for sign-in events. The attempted name is recorded even when no such user exists. */
export async function auditAuth(event: {
  action: SignInAuditAction;
  /** Who signed in: a user, or an embedded page's subject (lib/embed/start-embed-session.ts). */
  user?: Pick<User, 'id' | 'username' | 'role' | 'tenant'> | null;
  attemptedName?: string;
  outcome: AuditOutcome;
  errorCode?: string;
  params?: Record<string, unknown>;
  source?: AuditSource;
}): Promise<void> {
  await insertAuditEvent({
    actorId: event.user?.id ?? null,
    actorName: event.user?.username ?? event.attemptedName ?? 'unknown',
    role: event.user?.role ?? null,
    tenant: event.user?.tenant ?? null,
    action: event.action,
    params: event.params ?? null,
    outcome: event.outcome,
    errorCode: event.errorCode ?? null,
    source: event.source ?? 'ui',
  });
}
