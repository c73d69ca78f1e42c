import 'server-only';

import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';

import {
  AUDIT_ACTION_FAMILY_SUFFIX,
  AUDIT_SORTS,
  type AuditSort,
  type AuditSortColumn,
  DEFAULT_AUDIT_SORT,
} from '@/lib/contracts/audit';
import type { AuditEventDto, AuditOutcome, AuditSource } from '@/lib/contracts/dto';

import { type AuditValues, insertInBatch, settleInBatch } from './audit-group-commit';
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
  /**
   * Substring of a username: the one recorded with the event, or that user's current one. Display
   * names are not searched: they are not unique, and a search for one would find strangers.
   */
  actor?: string;
  /** An exact action, or a family ending in `.*` (`user.*` = every `user.…` action). */
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
  /** Order of the rows; newest first by default. */
  sort?: AuditSort;
  /** Opaque `nextCursor` from the previous page (of the same sort; another sort's is ignored). */
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
 * before it is attempted and settles it afterwards (settleAuditEvent). Rows arriving together are
 * committed together (audit-group-commit.ts); a failed commit rejects every one of them.
 */
export async function insertAuditEvent(input: AuditEventInput): Promise<AuditEventDto> {
  const values: AuditValues = {
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
  const id = await insertInBatch(getDb, values);
  return toDto({ id, ...values });
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
  return settleInBatch(getDb, Number(id), {
    outcome: settlement.outcome,
    error_code: settlement.errorCode ?? null,
    ...(settlement.params !== undefined
      ? { params: settlement.params ? JSON.stringify(settlement.params) : null }
      : {}),
  });
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

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** LIKE pattern for a literal substring, case-insensitive (compared with a lower-cased column). */
function containsPattern(text: string): string {
  return `%${escapeLike(text.toLowerCase())}%`;
}

/** LIKE pattern for a literal prefix. */
function startsWithPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

/**
 * What each sort orders by. Nullable columns sort as '' so that the keyset comparison (NULL compares
 * as neither smaller nor larger) and the order agree; ties are broken by id, in the same direction.
 */
const SORT_KEYS: Record<AuditSortColumn, RawBuilder<number | string>> = {
  time: sql<number>`audit_events.at`,
  actor: sql<string>`audit_events.actor_name`,
  role: sql<string>`coalesce(audit_events.role, '')`,
  tenant: sql<string>`coalesce(audit_events.tenant, '')`,
  action: sql<string>`audit_events.action`,
  target: sql<string>`coalesce(audit_events.room_name, '')`,
  outcome: sql<string>`audit_events.outcome`,
  source: sql<string>`audit_events.source`,
};

interface AuditCursor {
  sort: AuditSort;
  /** The sort key of the last row of the previous page. */
  value: number | string;
  id: number;
}

/** Keyset cursors carry their sort, the last row's sort key and its id, opaque to clients. */
function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

function decodeCursor(cursor: string | null | undefined, sort: AuditSort): AuditCursor | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [cursorSort, value, id] = parsed as unknown[];
    const expected = sort.startsWith('time.') ? 'number' : 'string';
    if (cursorSort !== sort || typeof value !== expected) return null;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return null;
    return { sort, value: value as number | string, id };
  } catch {
    return null;
  }
}

function parseSort(sort: AuditSort | undefined): { column: AuditSortColumn; desc: boolean } {
  const valid =
    sort && (AUDIT_SORTS as readonly string[]).includes(sort) ? sort : DEFAULT_AUDIT_SORT;
  const [column, direction] = valid.split('.') as [AuditSortColumn, 'asc' | 'desc'];
  return { column, desc: direction === 'desc' };
}

/**
 * One page in the chosen order (newest first by default), paged by keyset on (sort key, id) so
 * pages stay stable while new rows arrive.
 */
export async function queryAuditEvents(query: AuditQuery = {}): Promise<AuditPage> {
  const db = await getDb();
  const limit = Math.min(
    Math.max(Math.trunc(query.limit ?? DEFAULT_AUDIT_PAGE), 1),
    MAX_AUDIT_PAGE,
  );
  const sort = query.sort ?? DEFAULT_AUDIT_SORT;
  const { column, desc } = parseSort(sort);
  const key = SORT_KEYS[column];
  const after = decodeCursor(query.cursor, sort);

  let q = db.selectFrom('audit_events').selectAll().select(key.as('sort_key'));
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
            .where(sql`lower(users.username)`, 'like', sql`${pattern} escape '\\'`),
        ),
      ]),
    );
  }
  if (query.action?.endsWith(AUDIT_ACTION_FAMILY_SUFFIX)) {
    // `user.*` → every action that starts with `user.` (not `users.listed`).
    const prefix = query.action.slice(0, query.action.length - 1);
    q = q.where('action', 'like', sql<string>`${startsWithPattern(prefix)} escape '\\'`);
  } else if (query.action) {
    q = q.where('action', '=', query.action);
  }
  if (query.roomName) q = q.where('room_name', '=', query.roomName);
  if (query.identity) q = q.where('identity', '=', query.identity);
  if (query.outcome) q = q.where('outcome', '=', query.outcome);
  if (query.source) q = q.where('source', '=', query.source);
  if (query.tenant !== undefined) q = q.where('tenant', '=', query.tenant);
  if (query.fromMs !== undefined) q = q.where('at', '>=', query.fromMs);
  if (query.toMs !== undefined) q = q.where('at', '<=', query.toMs);
  if (after) {
    const beyond = desc ? '<' : '>';
    q = q.where((eb) =>
      eb.or([
        eb(key, beyond, after.value),
        eb.and([eb(key, '=', after.value), eb('id', beyond, after.id)]),
      ]),
    );
  }

  const direction = desc ? 'desc' : 'asc';
  const rows = await q
    .orderBy(key, direction)
    .orderBy('id', direction)
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(({ sort_key: _key, ...row }) => toDto(row)),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({
            sort,
            value: column === 'time' ? Number(last.sort_key) : String(last.sort_key),
            id: Number(last.id),
          })
        : null,
  };
}
