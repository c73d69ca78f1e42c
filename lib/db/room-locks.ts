import 'server-only';

import type { Kysely, Selectable } from 'kysely';

import type { PublishSource } from '@/lib/contracts/tracks';

import { getDb } from './index';
import { reusedStatement } from './reused-statement';
import type { Database, RoomLocksTable, RoomSuspensionTakingsTable } from './schema';

/** A locked room (and, while suspended, its suspension). */
export interface StoredRoomLock {
  roomName: string;
  tenant: string | null;
  allowList: string[];
  lockedBy: string;
  lockedAtMs: number;
  suspendedBy: string | null;
  suspendedAtMs: number | null;
  /** Resume unlocks the room too: the suspension locked it. */
  unlockOnResume: boolean;
}

/** The ParticipantPermission fields a suspension changes (SUSPENDED_FIELDS). */
export interface SuspendedRights {
  canPublish: boolean;
  canPublishSources: PublishSource[];
  canPublishData: boolean;
}

export interface StoredSuspensionTaking {
  roomName: string;
  identity: string;
  participantSid: string;
  previous: SuspendedRights;
  applied: SuspendedRights;
  takenAtMs: number;
}

/** Rows per INSERT of admitted sids: well under SQLite's and PostgreSQL's parameter limits. */
const ADMIT_CHUNK = 500;

function toLock(row: Selectable<RoomLocksTable>): StoredRoomLock {
  return {
    roomName: row.room_name,
    tenant: row.tenant,
    allowList: JSON.parse(row.allow_list) as string[],
    lockedBy: row.locked_by,
    lockedAtMs: Number(row.locked_at),
    suspendedBy: row.suspended_by,
    suspendedAtMs: row.suspended_at === null ? null : Number(row.suspended_at),
    unlockOnResume: Number(row.unlock_on_resume) === 1,
  };
}

function toTaking(row: Selectable<RoomSuspensionTakingsTable>): StoredSuspensionTaking {
  return {
    roomName: row.room_name,
    identity: row.identity,
    participantSid: row.participant_sid,
    previous: JSON.parse(row.previous) as SuspendedRights,
    applied: JSON.parse(row.applied) as SuspendedRights,
    takenAtMs: Number(row.taken_at),
  };
}

export async function findRoomLock(roomName: string): Promise<StoredRoomLock | null> {
  const [row] = (await roomLockOf(await getDb(), roomName)).rows;
  return row ? toLock(row) : null;
}

/** Asked for every join the bus reports (lib/live/room-lock-enforcer.ts): built once. */
const roomLockOf = reusedStatement((db: Kysely<Database>, roomName: string) =>
  db.selectFrom('room_locks').selectAll().where('room_name', '=', roomName),
);

/** Every locked room, by name. */
export async function listRoomLocks(): Promise<StoredRoomLock[]> {
  const db = await getDb();
  const rows = await db.selectFrom('room_locks').selectAll().orderBy('room_name').execute();
  return rows.map(toLock);
}

/**
 * Locks a room, or replaces the allow-list of a room already locked (who locked it, when, and a
 * suspension stay as they were). Answers the lock and whether this call created it.
 */
export async function saveRoomLock(input: {
  roomName: string;
  tenant: string | null;
  allowList: readonly string[];
  lockedBy: string;
  nowMs?: number;
}): Promise<{ lock: StoredRoomLock; created: boolean }> {
  const db = await getDb();
  const allowList = JSON.stringify([...new Set(input.allowList)]);
  const inserted = await db
    .insertInto('room_locks')
    .values({
      room_name: input.roomName,
      tenant: input.tenant,
      allow_list: allowList,
      locked_by: input.lockedBy,
      locked_at: input.nowMs ?? Date.now(),
      suspended_by: null,
      suspended_at: null,
      unlock_on_resume: 0,
    })
    .onConflict((oc) => oc.column('room_name').doNothing())
    .executeTakeFirst();
  const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  if (!created) {
    await db
      .updateTable('room_locks')
      .set({ allow_list: allowList })
      .where('room_name', '=', input.roomName)
      .execute();
  }
  const lock = await findRoomLock(input.roomName);
  if (!lock) throw new Error(`room lock of ${input.roomName} vanished while it was saved`);
  return { lock, created };
}

/**
 * Marks a room suspended, locking it first when it was not locked (then Resume unlocks it again).
 * A room already suspended keeps its first suspension's author and time.
 */
export async function saveSuspension(input: {
  roomName: string;
  tenant: string | null;
  suspendedBy: string;
  nowMs?: number;
}): Promise<{ lock: StoredRoomLock; created: boolean }> {
  const db = await getDb();
  const nowMs = input.nowMs ?? Date.now();
  const inserted = await db
    .insertInto('room_locks')
    .values({
      room_name: input.roomName,
      tenant: input.tenant,
      allow_list: '[]',
      locked_by: input.suspendedBy,
      locked_at: nowMs,
      suspended_by: input.suspendedBy,
      suspended_at: nowMs,
      unlock_on_resume: 1,
    })
    .onConflict((oc) => oc.column('room_name').doNothing())
    .executeTakeFirst();
  const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  if (!created) {
    await db
      .updateTable('room_locks')
      .set({ suspended_by: input.suspendedBy, suspended_at: nowMs })
      .where('room_name', '=', input.roomName)
      .where('suspended_at', 'is', null)
      .execute();
  }
  const lock = await findRoomLock(input.roomName);
  if (!lock) throw new Error(`room lock of ${input.roomName} vanished while it was saved`);
  return { lock, created };
}

/** Ends a suspension (the lock stays). Answers the lock as it was, or null when unlocked. */
export async function clearSuspension(roomName: string): Promise<StoredRoomLock | null> {
  const before = await findRoomLock(roomName);
  if (!before) return null;
  const db = await getDb();
  await db
    .updateTable('room_locks')
    .set({ suspended_by: null, suspended_at: null, unlock_on_resume: 0 })
    .where('room_name', '=', roomName)
    .execute();
  return before;
}

/** Unlocks a room and forgets who was admitted; true when it was locked. */
export async function deleteRoomLock(roomName: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('room_lock_admitted').where('room_name', '=', roomName).execute();
    const result = await trx
      .deleteFrom('room_locks')
      .where('room_name', '=', roomName)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

/** Records participant sessions as in the room when it was locked (repeats are ignored). */
export async function admitSessions(roomName: string, sids: readonly string[]): Promise<void> {
  const db = await getDb();
  const unique = [...new Set(sids)];
  for (let i = 0; i < unique.length; i += ADMIT_CHUNK) {
    await db
      .insertInto('room_lock_admitted')
      .values(
        unique
          .slice(i, i + ADMIT_CHUNK)
          .map((sid) => ({ room_name: roomName, participant_sid: sid })),
      )
      .onConflict((oc) => oc.columns(['room_name', 'participant_sid']).doNothing())
      .execute();
  }
}

/** Whether this participant session was in the room when it was locked. One primary-key read. */
export async function isAdmitted(roomName: string, sid: string): Promise<boolean> {
  const db = await getDb();
  const row = await db
    .selectFrom('room_lock_admitted')
    .select('participant_sid')
    .where('room_name', '=', roomName)
    .where('participant_sid', '=', sid)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every participant session admitted when the room was locked (the leader's sweep). */
export async function listAdmitted(roomName: string): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db
    .selectFrom('room_lock_admitted')
    .select('participant_sid')
    .where('room_name', '=', roomName)
    .execute();
  return new Set(rows.map((r) => r.participant_sid));
}

export async function listSuspensionTakings(roomName: string): Promise<StoredSuspensionTaking[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('room_suspension_takings')
    .selectAll()
    .where('room_name', '=', roomName)
    .orderBy('taken_at')
    .orderBy('identity')
    .execute();
  return rows.map(toTaking);
}

export async function findSuspensionTaking(
  roomName: string,
  identity: string,
): Promise<StoredSuspensionTaking | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('room_suspension_takings')
    .selectAll()
    .where('room_name', '=', roomName)
    .where('identity', '=', identity)
    .executeTakeFirst();
  return row ? toTaking(row) : null;
}

/** Records (or replaces) what was taken from one identity; written before LiveKit is asked. */
export async function saveSuspensionTaking(taking: StoredSuspensionTaking): Promise<void> {
  const db = await getDb();
  const values = {
    participant_sid: taking.participantSid,
    previous: JSON.stringify(taking.previous),
    applied: JSON.stringify(taking.applied),
    taken_at: taking.takenAtMs,
  };
  await db
    .insertInto('room_suspension_takings')
    .values({ room_name: taking.roomName, identity: taking.identity, ...values })
    .onConflict((oc) => oc.columns(['room_name', 'identity']).doUpdateSet(values))
    .execute();
}

export async function deleteSuspensionTaking(roomName: string, identity: string): Promise<void> {
  const db = await getDb();
  await db
    .deleteFrom('room_suspension_takings')
    .where('room_name', '=', roomName)
    .where('identity', '=', identity)
    .execute();
}

/** Forgets every taking of a room (it ended: nobody is left to give anything back to). */
export async function deleteSuspensionTakings(roomName: string): Promise<void> {
  const db = await getDb();
  await db.deleteFrom('room_suspension_takings').where('room_name', '=', roomName).execute();
}
