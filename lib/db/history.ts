import 'server-only';

import { type Kysely, sql, type Transaction } from 'kysely';

import type {
  ParticipantSessionDto,
  RoomEventDto,
  RoomEventType,
  RoomSessionDto,
} from '@/lib/contracts/history';
import type { LeaveReason } from '@/lib/contracts/live-events';

import { getDb } from './index';
import { reusedStatement } from './reused-statement';
import type { Database, ParticipantSessionRow, RoomEventRow, RoomSessionRow } from './schema';

/**
 * Session history: room sessions, participant sessions and room events. Writes take the executor
 * (the recorder batches them in one transaction) and are idempotent, so a retried batch, or the
 * same fact learnt twice (a webhook and reconciliation), leaves the same rows; reads use the
 * process's store, like the audit log's.
 */
export type HistoryDb = Kysely<Database> | Transaction<Database>;

export interface RoomFacts {
  roomSid: string;
  roomName: string;
  tenant: string | null;
}

/** `max(column, value)` in both dialects (SQLite has no GREATEST, PostgreSQL no scalar MAX). */
const larger = (column: string, value: number) =>
  sql<number>`case when ${sql.ref(column)} < ${value} then ${value} else ${sql.ref(column)} end`;

/**
 * Opens (or refreshes) a room session: started at the room's creation time, with its latest name
 * and tenant, and the peak raised to `numParticipants` when LiveKit counts more than we saw join.
 * Safe in any order with the session's other writes.
 */
export async function openRoomSession(
  db: HistoryDb,
  room: RoomFacts & { startedAtMs: number; numParticipants: number },
): Promise<void> {
  const peak = Math.max(0, Math.trunc(room.numParticipants));
  await db
    .insertInto('room_sessions')
    .values({
      room_sid: room.roomSid,
      room_name: room.roomName,
      tenant: room.tenant,
      started_at: Math.trunc(room.startedAtMs),
      ended_at: null,
      peak_participants: peak,
      total_participants: 0,
    })
    .onConflict((oc) =>
      oc.column('room_sid').doUpdateSet({
        room_name: room.roomName,
        tenant: room.tenant,
        // A participant's join may have created the row first, with its own (later) time.
        started_at: sql<number>`case when excluded.started_at < room_sessions.started_at
          then excluded.started_at else room_sessions.started_at end`,
        peak_participants: larger('room_sessions.peak_participants', peak),
      }),
    )
    .execute();
}

/*
 * The statements every participant event writes, built once per transaction (reused-statement.ts):
 * their arguments are values only, so each shape is compiled once and run again with new ones.
 */

const insertRoomSessionIfNew = reusedStatement(
  (db: Kysely<Database>, roomSid: string, roomName: string, tenant: string | null, at: number) =>
    db
      .insertInto('room_sessions')
      .values({
        room_sid: roomSid,
        room_name: roomName,
        tenant,
        started_at: at,
        ended_at: null,
        peak_participants: 0,
        total_participants: 0,
      })
      .onConflict((oc) => oc.column('room_sid').doNothing()),
);

const insertParticipantSessionIfNew = reusedStatement(
  (
    db: Kysely<Database>,
    participantSid: string,
    roomSid: string,
    roomName: string,
    tenant: string | null,
    identity: string,
    name: string,
    kind: string,
    joinedAt: number,
    leftAt: number | null,
    leaveReason: string | null,
  ) =>
    db
      .insertInto('participant_sessions')
      .values({
        participant_sid: participantSid,
        room_sid: roomSid,
        room_name: roomName,
        tenant,
        identity,
        name,
        kind,
        joined_at: joinedAt,
        left_at: leftAt,
        leave_reason: leaveReason,
      })
      .onConflict((oc) => oc.column('participant_sid').doNothing()),
);

const selectRoomEndedAt = reusedStatement((db: Kysely<Database>, roomSid: string) =>
  db.selectFrom('room_sessions').select('ended_at').where('room_sid', '=', roomSid),
);

const countParticipant = reusedStatement((db: Kysely<Database>, roomSid: string) =>
  db
    .updateTable('room_sessions')
    .set((eb) => ({ total_participants: eb('total_participants', '+', 1) }))
    .where('room_sid', '=', roomSid),
);

const raisePeakTo = reusedStatement((db: Kysely<Database>, peak: number, roomSid: string) =>
  db
    .updateTable('room_sessions')
    .set({ peak_participants: larger('peak_participants', peak) })
    .where('room_sid', '=', roomSid),
);

const endParticipantSession = reusedStatement(
  (db: Kysely<Database>, at: number, reason: string, participantSid: string) =>
    db
      .updateTable('participant_sessions')
      // Never before the join: webhooks date a leave in whole seconds, a join to the millisecond.
      .set({ left_at: larger('joined_at', at), leave_reason: reason })
      .where('participant_sid', '=', participantSid)
      .where((eb) =>
        eb.or([
          eb('left_at', 'is', null),
          eb('leave_reason', 'is', null),
          eb('leave_reason', '=', 'UNKNOWN_REASON'),
        ]),
      ),
);

const insertRoomEventIfNew = reusedStatement(
  (
    db: Kysely<Database>,
    id: string,
    roomSid: string | null,
    roomName: string,
    tenant: string | null,
    at: number,
    seq: number,
    type: string,
    identity: string | null,
    trackSid: string | null,
    detail: string | null,
  ) =>
    db
      .insertInto('room_events')
      .values({
        id,
        room_sid: roomSid,
        room_name: roomName,
        tenant,
        at,
        seq,
        type,
        identity,
        track_sid: trackSid,
        detail,
      })
      .onConflict((oc) => oc.column('id').doNothing()),
);

/** Rows an insert or update changed. */
const changed = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0);

/** Makes sure a room session row exists (a participant event may come before the room's). */
async function ensureRoomSession(db: HistoryDb, room: RoomFacts, atMs: number): Promise<void> {
  await insertRoomSessionIfNew(db, room.roomSid, room.roomName, room.tenant, Math.trunc(atMs));
}

/**
 * Rooms whose peak a transaction must still raise, each with the earliest time from which it may
 * have changed. The writes of a history batch take one: joins note their room here, and the peaks
 * are raised once for a run of joins — by any write that ends sessions or moves them (a leave, a
 * room's end, an adoption), before it does, and by raisePendingPeaks at the batch's end. A room
 * of a thousand participants discovered at once (reconciliation after a restart, webhooks off)
 * is then one sweep, not one per join. Before, not after, a leave: LiveKit dates a leave in whole
 * seconds, so a leave can end a session at its own join's time, and the join still counted.
 */
export type PendingPeaks = Map<string, number>;

function notePeak(pending: PendingPeaks, roomSid: string, fromMs: number): void {
  const known = pending.get(roomSid);
  if (known === undefined || fromMs < known) pending.set(roomSid, fromMs);
}

/** Raises every peak noted in `pending`, and forgets them. */
export async function raisePendingPeaks(db: HistoryDb, pending: PendingPeaks): Promise<void> {
  for (const [roomSid, fromMs] of pending) await raisePeak(db, roomSid, fromMs);
  pending.clear();
}

/**
 * Counts a new participant session in its room: total + 1, and the peak raised to the most
 * sessions open at once from its join on (not only at its own join: joins written out of order,
 * by two instances or a late webhook, change the count of later ones). With `pending`, the peak
 * is noted for the end of the transaction instead.
 */
async function countNewParticipant(
  db: HistoryDb,
  roomSid: string,
  fromMs: number,
  pending?: PendingPeaks,
): Promise<void> {
  // The update comes first: it locks the room's row, so two instances counting joins of the same
  // room take turns until the transaction ends, and the peak's counts (a new snapshot per
  // statement in PostgreSQL's READ COMMITTED; SQLite has one writer) see the other's join.
  await countParticipant(db, roomSid);
  if (pending) notePeak(pending, roomSid, fromMs);
  else await raisePeak(db, roomSid, fromMs);
}

/**
 * Raises the room's peak to the most sessions open at once from `fromMs` on, in one pass: who was
 * in at `fromMs` (not left by then, minus joined after it: every session leaves at or after it
 * joins, recordParticipantLeave keeps it so), then every join (+1) and leave (−1) after it in
 * time order, summed as it goes (a window function: SQLite 3.25+, PostgreSQL). At the same
 * instant leaves come first: a session left at T is not in at T. Every range is an index range
 * (participant_sessions(room_sid, joined_at) and (room_sid, left_at), migration 0012) holding
 * only what happened after `fromMs` and who is still in. Counting who was in at every later join,
 * for each join, cost the square of the joins since: 1,000 participants found at once took 13 s
 * with SQLite and 75 s with PostgreSQL.
 */
async function raisePeak(db: HistoryDb, roomSid: string, fromMs: number): Promise<void> {
  const { rows } = await sql<{ atFrom: number | string | null; rise: number | string | null }>`
    with changes as (
      select joined_at as t, 1 as d from participant_sessions
        where room_sid = ${roomSid} and joined_at > ${fromMs}
      union all
      select left_at as t, -1 as d from participant_sessions
        where room_sid = ${roomSid} and left_at > ${fromMs}
    )
    select
      (select count(*) from participant_sessions where room_sid = ${roomSid} and left_at is null)
      + (select count(*) from participant_sessions where room_sid = ${roomSid} and left_at > ${fromMs})
      - (select count(*) from participant_sessions where room_sid = ${roomSid} and joined_at > ${fromMs})
        as "atFrom",
      (select max(running) from (
        select sum(d) over (order by t, d rows between unbounded preceding and current row) as running
        from changes
      ) as sweep) as "rise"`.execute(db);
  const atFrom = Number(rows[0]?.atFrom ?? 0);
  const peak = Math.max(0, atFrom, atFrom + Number(rows[0]?.rise ?? 0));
  await raisePeakTo(db, peak, roomSid);
}

export interface ParticipantJoin {
  participantSid: string;
  identity: string;
  name: string;
  kind: string;
  joinedAtMs: number;
}

/**
 * Records a participant session. Only a new participant sid counts towards the room's total, so
 * repeating the join (a webhook and reconciliation, a retried batch) changes nothing. Resolves
 * whether the session was new.
 */
export async function recordParticipantJoin(
  db: HistoryDb,
  room: RoomFacts,
  join: ParticipantJoin,
  pending?: PendingPeaks,
): Promise<boolean> {
  const joinedAt = Math.trunc(join.joinedAtMs);
  await ensureRoomSession(db, room, joinedAt);
  const inserted = await insertParticipantSessionIfNew(
    db,
    join.participantSid,
    room.roomSid,
    room.roomName,
    room.tenant,
    join.identity,
    join.name,
    join.kind,
    joinedAt,
    null,
    null,
  );
  if (changed(inserted) > 0) {
    // Its room may have ended already (a finish written before this join): it ended with it.
    const endedAtValue = (await selectRoomEndedAt(db, room.roomSid)).rows[0]?.ended_at;
    const endedAt = endedAtValue == null ? null : Math.max(Number(endedAtValue), joinedAt);
    if (endedAt !== null) {
      await db
        .updateTable('participant_sessions')
        .set({ left_at: endedAt })
        .where('participant_sid', '=', join.participantSid)
        .execute();
    }
    await countNewParticipant(db, room.roomSid, joinedAt, pending);
    return true;
  }
  // Known already (a leave came first, or a repeat): complete what the join knows better.
  const known = await db
    .selectFrom('participant_sessions')
    .select(['joined_at', 'left_at', 'room_sid'])
    .where('participant_sid', '=', join.participantSid)
    .executeTakeFirst();
  await db
    .updateTable('participant_sessions')
    .set({
      name: join.name,
      kind: join.kind,
      joined_at: sql<number>`case when ${joinedAt} < joined_at then ${joinedAt} else joined_at end`,
    })
    .where('participant_sid', '=', join.participantSid)
    .execute();
  // An earlier join than the leave-made guess: the session overlaps more of the others now.
  if (known && joinedAt < Number(known.joined_at)) {
    if (pending) notePeak(pending, known.room_sid, joinedAt);
    else await raisePeak(db, known.room_sid, joinedAt);
  }
  return false;
}

export interface ParticipantLeave {
  participantSid: string;
  identity: string;
  reason: LeaveReason;
  atMs: number;
}

/**
 * Ends a participant session with its reason. A session closed without a reason (its room ended
 * first) or with UNKNOWN_REASON (reconciliation saw it gone) takes the real reason when it comes
 * later; a known reason is never overwritten. A leave of a participant never seen joining creates
 * its session, counted, with the leave time as the best known join time.
 */
export async function recordParticipantLeave(
  db: HistoryDb,
  room: RoomFacts,
  leave: ParticipantLeave,
  pending?: PendingPeaks,
): Promise<void> {
  if (pending) await raisePendingPeaks(db, pending);
  const at = Math.trunc(leave.atMs);
  const updated = await endParticipantSession(db, at, leave.reason, leave.participantSid);
  if (changed(updated) > 0) return;
  await ensureRoomSession(db, room, at);
  const inserted = await insertParticipantSessionIfNew(
    db,
    leave.participantSid,
    room.roomSid,
    room.roomName,
    room.tenant,
    leave.identity,
    leave.identity,
    'STANDARD',
    at,
    at,
    leave.reason,
  );
  if (changed(inserted) > 0) {
    await countNewParticipant(db, room.roomSid, at, pending);
  }
}

/**
 * Ends a room session, and the participant sessions still open in it (their own leave, when it
 * comes, adds the reason). A finish for a session never recorded writes nothing: there is no
 * start to show. Resolves whether a session was ended.
 */
export async function closeRoomSession(
  db: HistoryDb,
  roomSid: string,
  atMs: number,
  pending?: PendingPeaks,
): Promise<boolean> {
  if (pending) await raisePendingPeaks(db, pending);
  const at = Math.trunc(atMs);
  const ended = await db
    .updateTable('room_sessions')
    .set({ ended_at: at })
    .where('room_sid', '=', roomSid)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  await db
    .updateTable('participant_sessions')
    .set({ left_at: larger('joined_at', at) })
    .where('room_sid', '=', roomSid)
    .where('left_at', 'is', null)
    .execute();
  return Number(ended.numUpdatedRows) > 0;
}

export interface NewRoomEvent {
  id: string;
  roomSid: string | null;
  roomName: string;
  tenant: string | null;
  atMs: number;
  type: RoomEventType;
  identity: string | null;
  trackSid: string | null;
  detail: Record<string, unknown> | null;
}

/** `<instance>-<sequence>` → the sequence (0 for ids of another shape). */
function sequenceOf(id: string): number {
  const n = Number(id.slice(id.lastIndexOf('-') + 1));
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** Adds timeline entries; an id already stored is skipped (the entry is the event). */
export async function insertRoomEvents(db: HistoryDb, events: NewRoomEvent[]): Promise<void> {
  // One reused single-row statement each: cheaper than building one statement of many rows.
  for (const e of events) {
    await insertRoomEventIfNew(
      db,
      e.id,
      e.roomSid,
      e.roomName,
      e.tenant,
      Math.trunc(e.atMs),
      sequenceOf(e.id),
      e.type,
      e.identity,
      e.trackSid,
      e.detail ? JSON.stringify(e.detail) : null,
    );
  }
}

/** The newest open session of a room name, if any (to attach events that carry no room sid). */
export async function findOpenRoomSession(
  db: HistoryDb,
  roomName: string,
): Promise<RoomFacts | null> {
  const row = await db
    .selectFrom('room_sessions')
    .select(['room_sid', 'room_name', 'tenant'])
    .where('room_name', '=', roomName)
    .where('ended_at', 'is', null)
    .orderBy('started_at', 'desc')
    .orderBy('room_sid', 'desc')
    .executeTakeFirst();
  return row ? { roomSid: row.room_sid, roomName: row.room_name, tenant: row.tenant } : null;
}

/**
 * The latest session of a room that ended at or after `atMs`: where an event belongs that arrives
 * after its room was already closed (a webhook for a participant overtaken by the `room.finished`
 * a moderator's deletion published at once).
 */
export async function findRoomSessionEndedSince(
  db: HistoryDb,
  roomName: string,
  atMs: number,
): Promise<(RoomFacts & { endedAtMs: number }) | null> {
  const row = await db
    .selectFrom('room_sessions')
    .select(['room_sid', 'room_name', 'tenant', 'ended_at'])
    .where('room_name', '=', roomName)
    .where('ended_at', '>=', Math.trunc(atMs))
    .where('started_at', '<=', Math.trunc(atMs) + 1000)
    .orderBy('ended_at', 'desc')
    .executeTakeFirst();
  return row
    ? {
        roomSid: row.room_sid,
        roomName: row.room_name,
        tenant: row.tenant,
        endedAtMs: Number(row.ended_at),
      }
    : null;
}

/** Every open session (start-up: the ones whose room ended while Moderato was down get closed). */
export async function listOpenRoomSessions(db: HistoryDb): Promise<RoomFacts[]> {
  const rows = await db
    .selectFrom('room_sessions')
    .select(['room_sid', 'room_name', 'tenant'])
    .where('ended_at', 'is', null)
    .execute();
  return rows.map((r) => ({ roomSid: r.room_sid, roomName: r.room_name, tenant: r.tenant }));
}

/** When anything was last recorded in a session: the best estimate of an end nobody reported. */
export async function lastActivityAt(db: HistoryDb, roomSid: string): Promise<number | null> {
  const [session, event, participant] = await Promise.all([
    db
      .selectFrom('room_sessions')
      .select('started_at')
      .where('room_sid', '=', roomSid)
      .executeTakeFirst(),
    db
      .selectFrom('room_events')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('room_sid', '=', roomSid)
      .executeTakeFirst(),
    db
      .selectFrom('participant_sessions')
      .select((eb) => [eb.fn.max('joined_at').as('joined'), eb.fn.max('left_at').as('left')])
      .where('room_sid', '=', roomSid)
      .executeTakeFirst(),
  ]);
  if (!session) return null;
  const times = [session.started_at, event?.at, participant?.joined, participant?.left]
    .map((v) => (v === null || v === undefined ? NaN : Number(v)))
    .filter((v) => Number.isFinite(v));
  return Math.max(...times);
}

/**
 * Moves what was recorded under a provisional sid (events seen before their room's) to the room's
 * real sid, merging into the real session if it exists already.
 */
export async function adoptRoomSid(
  db: HistoryDb,
  from: string,
  to: string,
  pending?: PendingPeaks,
): Promise<void> {
  if (from === to) return;
  if (pending) await raisePendingPeaks(db, pending);
  const provisional = await db
    .selectFrom('room_sessions')
    .selectAll()
    .where('room_sid', '=', from)
    .executeTakeFirst();
  await db
    .updateTable('participant_sessions')
    .set({ room_sid: to })
    .where('room_sid', '=', from)
    .execute();
  await db.updateTable('room_events').set({ room_sid: to }).where('room_sid', '=', from).execute();
  if (!provisional) return;
  const real = await db
    .selectFrom('room_sessions')
    .select('room_sid')
    .where('room_sid', '=', to)
    .executeTakeFirst();
  if (!real) {
    await db
      .updateTable('room_sessions')
      .set({ room_sid: to })
      .where('room_sid', '=', from)
      .execute();
    return;
  }
  await db
    .updateTable('room_sessions')
    .set((eb) => ({
      started_at: sql<number>`case when ${provisional.started_at} < started_at then ${provisional.started_at} else started_at end`,
      peak_participants: larger('peak_participants', Number(provisional.peak_participants)),
      total_participants: eb('total_participants', '+', Number(provisional.total_participants)),
    }))
    .where('room_sid', '=', to)
    .execute();
  await db.deleteFrom('room_sessions').where('room_sid', '=', from).execute();
}

export interface PruneResult {
  roomSessions: number;
  participantSessions: number;
  roomEvents: number;
}

/**
 * Deletes history older than `beforeMs`: sessions that ended before it (or, never ended, started
 * before it), their participant sessions, and timeline entries.
 */
export async function pruneHistory(db: HistoryDb, beforeMs: number): Promise<PruneResult> {
  const before = Math.trunc(beforeMs);
  const rooms = await db
    .deleteFrom('room_sessions')
    .where((eb) =>
      eb.or([
        eb('ended_at', '<', before),
        eb.and([eb('ended_at', 'is', null), eb('started_at', '<', before)]),
      ]),
    )
    .executeTakeFirst();
  const participants = await db
    .deleteFrom('participant_sessions')
    .where((eb) =>
      eb.or([
        eb('left_at', '<', before),
        eb.and([eb('left_at', 'is', null), eb('joined_at', '<', before)]),
        eb.not(
          eb.exists(
            eb
              .selectFrom('room_sessions')
              .select('room_sessions.room_sid')
              .whereRef('room_sessions.room_sid', '=', 'participant_sessions.room_sid'),
          ),
        ),
      ]),
    )
    .executeTakeFirst();
  const events = await db.deleteFrom('room_events').where('at', '<', before).executeTakeFirst();
  return {
    roomSessions: Number(rooms.numDeletedRows),
    participantSessions: Number(participants.numDeletedRows),
    roomEvents: Number(events.numDeletedRows),
  };
}

// ---- reads ------------------------------------------------------------------------------------

export interface RoomSessionQuery {
  /** Substring of the room name, case-insensitive. */
  q?: string;
  /** Exact tenant. */
  tenant?: string;
  /** Only these room names (a caller limited to some rooms). */
  roomNames?: readonly string[];
  /** Sessions live at some point in [fromMs, toMs]. */
  fromMs?: number;
  toMs?: number;
  status?: 'live' | 'ended';
  cursor?: string | null;
  limit?: number;
  nowMs?: number;
}

export const MAX_HISTORY_PAGE = 500;

function toSessionDto(row: RoomSessionRow, nowMs: number): RoomSessionDto {
  const started = Number(row.started_at);
  const ended = row.ended_at === null ? null : Number(row.ended_at);
  return {
    roomSid: row.room_sid,
    roomName: row.room_name,
    tenant: row.tenant,
    startedAtMs: started,
    endedAtMs: ended,
    durationMs: Math.max(0, (ended ?? nowMs) - started),
    live: ended === null,
    peakParticipants: Number(row.peak_participants),
    totalParticipants: Number(row.total_participants),
  };
}

function toParticipantDto(row: ParticipantSessionRow, nowMs: number): ParticipantSessionDto {
  const joined = Number(row.joined_at);
  const left = row.left_at === null ? null : Number(row.left_at);
  return {
    participantSid: row.participant_sid,
    identity: row.identity,
    name: row.name,
    kind: row.kind,
    joinedAtMs: joined,
    leftAtMs: left,
    durationMs: Math.max(0, (left ?? nowMs) - joined),
    leaveReason: row.leave_reason as LeaveReason | null,
  };
}

function parseDetail(text: string | null): Record<string, unknown> | null {
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

function toEventDto(row: RoomEventRow): RoomEventDto {
  return {
    id: row.id,
    roomSid: row.room_sid,
    roomName: row.room_name,
    atMs: Number(row.at),
    type: row.type as RoomEventType,
    identity: row.identity,
    trackSid: row.track_sid,
    detail: parseDetail(row.detail),
  };
}

/** Keyset cursors: `<epoch ms>.<id>`, opaque to clients. */
function encodeCursor(atMs: number, id: string): string {
  return Buffer.from(`${atMs}.${id}`).toString('base64url');
}

function decodeCursor(cursor: string | null | undefined): { at: number; id: string } | null {
  if (!cursor) return null;
  const text = Buffer.from(cursor, 'base64url').toString();
  const dot = text.indexOf('.');
  const at = Number(text.slice(0, dot));
  if (dot < 1 || !Number.isSafeInteger(at)) return null;
  return { at, id: text.slice(dot + 1) };
}

/** The `<seq>.<id>` part of an event cursor. */
function eventPosition(text: string): { seq: number; id: string } | null {
  const dot = text.indexOf('.');
  const seq = Number(text.slice(0, dot));
  return dot < 1 || !Number.isSafeInteger(seq) ? null : { seq, id: text.slice(dot + 1) };
}

function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? 50), 1), MAX_HISTORY_PAGE);
}

/** LIKE pattern for a literal substring (`%`, `_` and `\` escaped). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Room sessions, newest start first; keyset pagination so pages hold while sessions start. */
export async function queryRoomSessions(
  query: RoomSessionQuery = {},
): Promise<{ sessions: RoomSessionDto[]; nextCursor: string | null }> {
  const db = await getDb();
  const limit = pageSize(query.limit);
  const nowMs = query.nowMs ?? Date.now();
  const after = decodeCursor(query.cursor);
  if (query.roomNames && query.roomNames.length === 0) return { sessions: [], nextCursor: null };

  let q = db.selectFrom('room_sessions').selectAll();
  if (query.q) {
    q = q.where(sql<boolean>`lower(room_name) like ${containsPattern(query.q)} escape '\\'`);
  }
  if (query.tenant !== undefined) q = q.where('tenant', '=', query.tenant);
  if (query.roomNames) q = q.where('room_name', 'in', [...query.roomNames]);
  if (query.toMs !== undefined) q = q.where('started_at', '<=', query.toMs);
  if (query.fromMs !== undefined) {
    const from = query.fromMs;
    q = q.where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', from)]));
  }
  if (query.status === 'live') q = q.where('ended_at', 'is', null);
  if (query.status === 'ended') q = q.where('ended_at', 'is not', null);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('started_at', '<', after.at),
        eb.and([eb('started_at', '=', after.at), eb('room_sid', '<', after.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('started_at', 'desc')
    .orderBy('room_sid', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    sessions: page.map((row) => toSessionDto(row, nowMs)),
    nextCursor:
      rows.length > limit && last ? encodeCursor(Number(last.started_at), last.room_sid) : null,
  };
}

export async function findRoomSession(
  roomSid: string,
  nowMs = Date.now(),
): Promise<RoomSessionDto | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('room_sessions')
    .selectAll()
    .where('room_sid', '=', roomSid)
    .executeTakeFirst();
  return row ? toSessionDto(row, nowMs) : null;
}

/** A session's participants in the order they joined. */
export async function listParticipantSessions(
  roomSid: string,
  nowMs = Date.now(),
): Promise<ParticipantSessionDto[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('participant_sessions')
    .selectAll()
    .where('room_sid', '=', roomSid)
    .orderBy('joined_at')
    .orderBy('participant_sid')
    .execute();
  return rows.map((row) => toParticipantDto(row, nowMs));
}

/** Whether a room name has any recorded session (of one tenant when `tenant` is given). */
export async function roomHasHistory(roomName: string, tenant?: string): Promise<boolean> {
  const db = await getDb();
  let q = db.selectFrom('room_sessions').select('room_sid').where('room_name', '=', roomName);
  if (tenant !== undefined) q = q.where('tenant', '=', tenant);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

export interface RoomEventQuery {
  roomName: string;
  roomSid?: string;
  types?: readonly RoomEventType[];
  tenant?: string;
  cursor?: string | null;
  limit?: number;
}

/** A room's timeline, newest first. */
export async function queryRoomEvents(
  query: RoomEventQuery,
): Promise<{ events: RoomEventDto[]; nextCursor: string | null }> {
  const db = await getDb();
  const limit = pageSize(query.limit);
  const after = decodeCursor(query.cursor);
  let q = db.selectFrom('room_events').selectAll().where('room_name', '=', query.roomName);
  if (query.roomSid !== undefined) q = q.where('room_sid', '=', query.roomSid);
  if (query.types && query.types.length > 0) q = q.where('type', 'in', [...query.types]);
  if (query.tenant !== undefined) q = q.where('tenant', '=', query.tenant);
  const position = after ? eventPosition(after.id) : null;
  if (after && position) {
    const { seq, id } = position;
    q = q.where((eb) =>
      eb.or([
        eb('at', '<', after.at),
        eb.and([eb('at', '=', after.at), eb('seq', '<', seq)]),
        eb.and([eb('at', '=', after.at), eb('seq', '=', seq), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(toEventDto),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(Number(last.at), `${Number(last.seq)}.${last.id}`)
        : null,
  };
}
