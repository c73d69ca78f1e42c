// GET /api/v1/audit – one page of the audit log (admin)
import { listAuditEvents } from '@/lib/domain/audit/list-audit-events';
import { searchParamsOf, withActor } from '@/lib/http/with-actor';

export const GET = withActor(({ actor, request }) =>
  listAuditEvents(actor, searchParamsOf(request)),
);
