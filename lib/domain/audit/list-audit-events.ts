import 'server-only';

import { auditPageSchema, type AuditPageDto } from '@/lib/contracts/dto';
import { queryAuditEvents } from '@/lib/db/audit';
import { auditFiltersInputSchema, type AuditFilters } from '@/lib/schemas/audit';

import type { Actor } from '../actor';
import { defineOperation } from '../operation';

/** One page of the audit log, newest first by default. A tenant-bound admin only sees its tenant's events. */
export const listAuditEvents = defineOperation({
  name: 'listAuditEvents',
  summary: 'Read the audit log',
  description:
    'One page, newest first unless `sort` says otherwise. Pass `nextCursor` back as `cursor` (with the same filters and sort) for the next page. A tenant-bound admin sees its tenant’s events only.',
  tag: 'Audit',
  input: auditFiltersInputSchema,
  output: auditPageSchema,
  permission: 'audit.read',
  http: { method: 'GET', path: '/audit' },
  audit: { action: 'audit.read', target: () => ({}) },
  errors: [],
  act: ({ actor }, filters) => queryPage(actor, filters),
});

export function queryPage(actor: Actor, filters: AuditFilters): Promise<AuditPageDto> {
  return queryAuditEvents({
    actor: filters.actor,
    action: filters.action,
    roomName: filters.roomName,
    identity: filters.identity,
    outcome: filters.outcome,
    source: filters.source,
    fromMs: filters.from,
    toMs: filters.to,
    sort: filters.sort,
    cursor: filters.cursor,
    limit: filters.limit,
    tenant: actor.tenant ?? undefined,
  });
}
