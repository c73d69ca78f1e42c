// GET /api/v1/audit/export?format=csv|json – the filtered audit log as a download (admin)
import { auditEventsToCsv, collectAuditEvents } from '@/lib/domain/audit/export-audit-events';
import { parseInput } from '@/lib/domain/validate';
import { searchParamsOf, withActor } from '@/lib/http/with-actor';
import { auditExportFormatSchema } from '@/lib/schemas/audit';

export const GET = withActor(async ({ actor, request }) => {
  const { format = 'csv', ...filters } = searchParamsOf(request);
  const validFormat = parseInput(auditExportFormatSchema, format);
  const events = await collectAuditEvents(actor, filters);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const body = validFormat === 'csv' ? auditEventsToCsv(events) : JSON.stringify(events, null, 2);
  return new Response(body, {
    headers: {
      'Content-Type': validFormat === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
      'Content-Disposition': `attachment; filename="moderato-audit-${stamp}.${validFormat}"`,
      'Cache-Control': 'no-store',
    },
  });
});
