import 'server-only';

import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import { getDb } from './index';
import { reusedStatement } from './reused-statement';
import type { BanRow, Database } from './schema';

/** A ban as the server sees it (lib/domain/bans/ decides what it means). */
export interface StoredBan {
  id: string;
  identity: string;
  namePattern: string | null;
  /** null = every room of `tenant` (of every tenant when that is null too). */
  roomName: string | null;
  tenant: string | null;
  reason: string;
  createdBy: string;
  createdAtMs: number;
  /** null = permanent. */
  expiresAtMs: number | null;
  liftedAtMs: number | null;
  liftedBy: string | null;
}

export type NewBan = Omit<StoredBan, 'id' | 'liftedAtMs' | 'liftedBy'>;

function toBan(row: BanRow): StoredBan {
  return {
    id: row.id,
    identity: row.identity,
    namePattern: row.name_pattern,
    roomName: row.room_name,
    tenant: row.tenant,
    reason: row.reason,
    createdBy: row.created_by,
    createdAtMs: Number(row.created_at),
    expiresAtMs: row.expires_at === null ? null : Number(row.expires_at),
    liftedAtMs: row.lifted_at === null ? null : Number(row.lifted_at),
    liftedBy: row.lifted_by,
  };
}

export async function insertBan(ban: NewBan): Promise<StoredBan> {
  const db = await getDb();
  const row: BanRow = {
    id: randomUUID(),
    identity: ban.identity,
    name_pattern: ban.namePattern,
    room_name: ban.roomName,
    tenant: ban.tenant,
    reason: ban.reason,
    created_by: ban.createdBy,
    created_at: ban.createdAtMs,
    expires_at: ban.expiresAtMs,
    lifted_at: null,
    lifted_by: null,
  };
  await db.insertInto('bans').values(row).execute();
  return toBan(row);
}

/** The newest `limit` bans, lifted and expired ones included, newest first. */
export async function listBans(limit = 1000): Promise<StoredBan[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('bans')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toBan);
}

export async function findBanById(id: string): Promise<StoredBan | null> {
  const db = await getDb();
  const row = await db.selectFrom('bans').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toBan(row) : null;
}

/**
 * Bans that hold at `nowMs` and could apply to a join of `identity` in `roomName`: the identity's
 * own, or any with a name pattern, for that room or for every room. Tenant and pattern are left to
 * the caller (lib/domain/bans/ban-rules.ts). One indexed read: enforcement runs it on every join.
 * Without arguments: every active ban (the reconciliation sweep).
 */
export async function listActiveBans(
  nowMs: number,
  join?: { roomName: string; identity: string },
): Promise<StoredBan[]> {
  const db = await getDb();
  if (join) {
    // Asked for every join the bus reports (lib/live/ban-enforcer.ts): built once.
    const { rows } = await activeBansCovering(db, nowMs, join.roomName, join.identity);
    return rows.map(toBan);
  }
  const rows = await activeBans(db, nowMs).orderBy('created_at').orderBy('id').execute();
  return rows.map(toBan);
}

function activeBans(db: Kysely<Database>, nowMs: number) {
  return db
    .selectFrom('bans')
    .selectAll()
    .where('lifted_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', nowMs)]));
}

const activeBansCovering = reusedStatement(
  (db: Kysely<Database>, nowMs: number, roomName: string, identity: string) =>
    activeBans(db, nowMs)
      .where((eb) => eb.or([eb('room_name', 'is', null), eb('room_name', '=', roomName)]))
      .where((eb) => eb.or([eb('identity', '=', identity), eb('name_pattern', 'is not', null)]))
      .orderBy('created_at')
      .orderBy('id'),
);

/** Lifts a ban. True when it was not lifted until now (an expired ban can still be lifted). */
export async function liftBan(id: string, by: string, atMs: number): Promise<boolean> {
  const db = await getDb();
  const res = await db
    .updateTable('bans')
    .set({ lifted_at: atMs, lifted_by: by })
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
