import 'server-only';

import { z } from 'zod';

import { roomSessionSchema, type RoomSessionDto } from '@/lib/contracts/history';
import { historyExportInputSchema } from '@/lib/schemas/history';

import { defineOperation } from '../operation';

import { queryVisibleSessions } from './history-scope';

/** Exports stop here; a longer history should be filtered by date. */
export const HISTORY_EXPORT_MAX_ROWS = 50_000;

/** The filtered session history as a CSV or JSON download. */
export const exportRoomSessions = defineOperation({
  name: 'exportRoomSessions',
  summary: 'Export room sessions',
  description: `Every room session matching the filters (at most ${HISTORY_EXPORT_MAX_ROWS.toLocaleString('en')}) as a CSV or JSON attachment.`,
  tag: 'Rooms',
  input: historyExportInputSchema,
  output: z.array(roomSessionSchema),
  permission: 'rooms.read',
  http: {
    method: 'GET',
    path: '/history/export',
    respond: (sessions, { format }) => {
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      const csv = format === 'csv';
      return new Response(csv ? roomSessionsToCsv(sessions) : JSON.stringify(sessions, null, 2), {
        headers: {
          'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/json',
          'Content-Disposition': `attachment; filename="moderato-sessions-${stamp}.${format}"`,
          'Cache-Control': 'no-store',
        },
      });
    },
  },
  audit: { action: 'history.exported', target: () => ({}) },
  errors: [],
  async act({ actor }, { format: _format, ...filters }) {
    const sessions: RoomSessionDto[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryVisibleSessions(actor, { ...filters, cursor, limit: 500 });
      sessions.push(...page.sessions);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && sessions.length < HISTORY_EXPORT_MAX_ROWS);
    return sessions.slice(0, HISTORY_EXPORT_MAX_ROWS);
  },
});

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

export function roomSessionsToCsv(sessions: RoomSessionDto[]): string {
  const header = [
    'room_sid',
    'room_name',
    'tenant',
    'started_at',
    'ended_at',
    'duration_seconds',
    'peak_participants',
    'total_participants',
  ].join(',');
  const rows = sessions.map((s) =>
    [
      s.roomSid,
      s.roomName,
      s.tenant ?? '',
      iso(s.startedAtMs),
      iso(s.endedAtMs),
      String(Math.round(s.durationMs / 1000)),
      String(s.peakParticipants),
      String(s.totalParticipants),
    ]
      .map(csvCell)
      .join(','),
  );
  return [header, ...rows].join('\r\n') + '\r\n';
}

/** RFC 4180 quoting, plus a leading quote on formula-like cells so spreadsheets don't run them. */
function csvCell(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
