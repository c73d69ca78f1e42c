import 'server-only';

import { queryAuditEvents } from '@/lib/db/audit';
import { auditFiltersInputSchema } from '@/lib/schemas/audit';

import type { Actor } from '../actor';
import type { AuditEventDto } from '../dto';
import { assertCan } from '../policy';
import { parseInput } from '../validate';

export interface AuditPage {
  events: AuditEventDto[];
  nextCursor: string | null;
}

/** One page of the audit log, newest first. A tenant-bound admin only sees its tenant's events. */
export async function listAuditEvents(actor: Actor, input: unknown): Promise<AuditPage> {
  const filters = parseInput(auditFiltersInputSchema, input);
  assertCan(actor, 'audit.read');
  return queryAuditEvents({
    actor: filters.actor,
    action: filters.action,
    roomName: filters.roomName,
    identity: filters.identity,
    outcome: filters.outcome,
    source: filters.source,
    fromMs: filters.from,
    toMs: filters.to,
    cursor: filters.cursor,
    limit: filters.limit,
    tenant: actor.tenant ?? undefined,
  });
}
