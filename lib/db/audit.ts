import 'server-only';

import { type ExpressionBuilder, sql } from 'kysely';

import type { AuditEventDto, AuditOutcome, AuditSource } from '@/lib/contracts/dto';

import { getDb } from './index';
import type { AuditEventRow, Database } from './schema';

export interface AuditEventInput {
  /** Defaults to now. */
  atMs?: number;
  actorId?: string | null;
  actorName: string;
  role?: string | null;
  tenant?: string | null;
  action: string;
  roomName?: string | null;
  identity?: string | null;
  trackSid?: string | null;
  params?: Record<string, unknown> | null;
  outcome: AuditOutcome;
  errorCode?: string | null;
  source: AuditSource;
}

export interface AuditQuery {
  /** Substring of the actor's recorded name, or of the current username / name of that user. */
  actor?: string;
  action?: string;
  roomName?: string;
  identity?: string;
  outcome?: AuditOutcome;
  source?: AuditSource;
  /** Exact tenant of the event (a tenant-bound reader only sees its own tenant's rows). */
  tenant?: string;
  /** Inclusive lower bound, epoch ms. */
  fromMs?: number;
  /** Inclusive upper bound, epoch ms. */
  toMs?: number;
  /** Opaque `nextCursor` from the previous page. */
  cursor?: string | null;
  /** Page size, 1..MAX_AUDIT_PAGE (default 50). */
  limit?: number;
}

export interface AuditPage {
  events: AuditEventDto[];
  nextCursor: string | null;
}

export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 1000;

function parseParams(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function toDto(row: AuditEventRow): AuditEventDto {
  return {
    id: String(row.id),
    atMs: Number(row.at),
    actorId: row.actor_id,
    actorName: row.actor_name,
    role: row.role,
    tenant: row.tenant,
    action: row.action,
    roomName: row.room_name,
    identity: row.identity,
    trackSid: row.track_sid,
    params: parseParams(row.params),
    outcome: row.outcome as AuditOutcome,
    errorCode: row.error_code,
    source: row.source as AuditSource,
  };
}

/**
 * Writes one audit row and resolves once it is durable. Callers await it before acknowledging
 * the action, so an acknowledged action always has its row; a write inserts its row as `pending`
 * before it is attempted and settles it afterwards (settleAuditEvent).
 */
export async function insertAuditEvent(input: AuditEventInput): Promise<AuditEventDto> {
  const db = await getDb();
  const values = {
    at: input.atMs ?? Date.now(),
    actor_id: input.actorId ?? null,
    actor_name: input.actorName,
    role: input.role ?? null,
    tenant: input.tenant ?? null,
    action: input.action,
    room_name: input.roomName ?? null,
    identity: input.identity ?? null,
    track_sid: input.trackSid ?? null,
    params: input.params ? JSON.stringify(input.params) : null,
    outcome: input.outcome,
    error_code: input.errorCode ?? null,
    source: input.source,
  };
  const { id } = await db
    .insertInto('audit_events')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return toDto({ id: Number(id), ...values });
}

export interface AuditSettlement {
  outcome: Extract<AuditOutcome, 'success' | 'denied' | 'error'>;
  errorCode?: string | null;
  /** When given, replaces the row's params (facts learnt while acting join the input's). */
  params?: Record<string, unknown> | null;
}

/**
 * Writes the outcome of a row inserted as `pending`. A settled row is never rewritten; an `unknown`
 * one may be, because another instance's start-up may have marked it while its action was still in
 * flight here, and the real outcome is better than none. Resolves whether the row changed.
 */
export async function settleAuditEvent(id: string, settlement: AuditSettlement): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .updateTable('audit_events')
    .set({
      outcome: settlement.outcome,
      error_code: settlement.errorCode ?? null,
      ...(settlement.params !== undefined
        ? { params: settlement.params ? JSON.stringify(settlement.params) : null }
        : {}),
    })
    .where('id', '=', Number(id))
    .where('outcome', 'in', ['pending', 'unknown'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Marks the rows still `pending` that were written before `beforeMs` as `unknown` (their outcome
 * was never written); resolves how many.
 */
export async function markPendingAuditEventsUnknown(beforeMs: number): Promise<number> {
  const db = await getDb();
  const result = await db
    .updateTable('audit_events')
    .set({ outcome: 'unknown' })
    .where('outcome', '=', 'pending')
    // Whole ms, as stored (performance.timeOrigin has a fraction PostgreSQL's bigint refuses).
    .where('at', '<', Math.floor(beforeMs))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** LIKE pattern for a literal substring (`%`, `_` and `\` escaped). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function decodeCursor(cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const n = Number(cursor);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Newest first; keyset pagination on id so pages stay stable while new rows arrive. */
export async function queryAuditEvents(query: AuditQuery = {}): Promise<AuditPage> {
  const db = await getDb();
  const limit = Math.min(
    Math.max(Math.trunc(query.limit ?? DEFAULT_AUDIT_PAGE), 1),
    MAX_AUDIT_PAGE,
  );
  const before = decodeCursor(query.cursor);

  let q = db.selectFrom('audit_events').selectAll();
  if (query.actor) {
    const pattern = containsPattern(query.actor);
    q = q.where((eb: ExpressionBuilder<Database, 'audit_events'>) =>
      eb.or([
        eb(sql`lower(actor_name)`, 'like', sql`${pattern} escape '\\'`),
        eb(
          'actor_id',
          'in',
          eb
            .selectFrom('users')
            .select('users.id')
            .where((u) =>
              u.or([
                u(sql`lower(users.username)`, 'like', sql`${pattern} escape '\\'`),
                u(sql`lower(users.name)`, 'like', sql`${pattern} escape '\\'`),
              ]),
            ),
        ),
      ]),
    );
  }
  if (query.action) q = q.where('action', '=', query.action);
  if (query.roomName) q = q.where('room_name', '=', query.roomName);
  if (query.identity) q = q.where('identity', '=', query.identity);
  if (query.outcome) q = q.where('outcome', '=', query.outcome);
  if (query.source) q = q.where('source', '=', query.source);
  if (query.tenant !== undefined) q = q.where('tenant', '=', query.tenant);
  if (query.fromMs !== undefined) q = q.where('at', '>=', query.fromMs);
  if (query.toMs !== undefined) q = q.where('at', '<=', query.toMs);
  if (before !== null) q = q.where('id', '<', before);

  const rows = await q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(toDto);
  const last = page.at(-1);
  return { events: page, nextCursor: rows.length > limit && last ? last.id : null };
}
