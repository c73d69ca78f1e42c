import 'server-only';

import { z } from 'zod';

import { auditEventSchema, type AuditEventDto } from '@/lib/contracts/dto';
import { auditExportInputSchema, type AuditFilters } from '@/lib/schemas/audit';

import type { Actor } from '../actor';
import { defineOperation } from '../operation';

import { queryPage } from './list-audit-events';

/** Exports stop here; a larger log should be filtered by date. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/** The filtered audit log as a CSV or JSON download. */
export const exportAuditEvents = defineOperation({
  name: 'exportAuditEvents',
  summary: 'Export the audit log',
  description: `Every event matching the filters (at most ${AUDIT_EXPORT_MAX_ROWS.toLocaleString('en')}) as a CSV or JSON attachment.`,
  tag: 'Audit',
  input: auditExportInputSchema,
  output: z.array(auditEventSchema),
  permission: 'audit.read',
  http: {
    method: 'GET',
    path: '/audit/export',
    respond: (events, { format }) => {
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      const csv = format === 'csv';
      return new Response(csv ? auditEventsToCsv(events) : JSON.stringify(events, null, 2), {
        headers: {
          'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/json',
          'Content-Disposition': `attachment; filename="moderato-audit-${stamp}.${format}"`,
          'Cache-Control': 'no-store',
        },
      });
    },
  },
  audit: { action: 'audit.exported', target: () => ({}) },
  errors: [],
  act: ({ actor }, { format: _format, ...filters }) => collectAuditEvents(actor, filters),
});

const COLUMNS: (keyof AuditEventDto)[] = [
  'id',
  'atMs',
  'actorName',
  'role',
  'tenant',
  'action',
  'roomName',
  'identity',
  'trackSid',
  'params',
  'outcome',
  'errorCode',
  'source',
];

/** Every event matching the filters (up to the cap), paging through the store. */
async function collectAuditEvents(
  actor: Actor,
  filters: Omit<AuditFilters, 'cursor' | 'limit'>,
): Promise<AuditEventDto[]> {
  const events: AuditEventDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(actor, { ...filters, cursor, limit: 500 });
    events.push(...page.events);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && events.length < AUDIT_EXPORT_MAX_ROWS);
  return events.slice(0, AUDIT_EXPORT_MAX_ROWS);
}

export function auditEventsToCsv(events: AuditEventDto[]): string {
  const header = ['id', 'time', ...COLUMNS.slice(2)].join(',');
  const rows = events.map((e) =>
    COLUMNS.map((column) => {
      const value = e[column];
      if (column === 'atMs') return csvCell(new Date(value as number).toISOString());
      if (column === 'params') return csvCell(value ? JSON.stringify(value) : '');
      return csvCell(value == null ? '' : String(value));
    }).join(','),
  );
  return [header, ...rows].join('\r\n') + '\r\n';
}

/** RFC 4180 quoting, plus a leading quote on formula-like cells so spreadsheets don't run them. */
function csvCell(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
