import 'server-only';

import type { Actor } from '../actor';
import type { AuditEventDto } from '../dto';

import { listAuditEvents } from './list-audit-events';

/** Exports stop here; a larger log should be filtered by date. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

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
export async function collectAuditEvents(
  actor: Actor,
  input: Record<string, unknown>,
): Promise<AuditEventDto[]> {
  const events: AuditEventDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents(actor, { ...input, cursor, limit: 500 });
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
