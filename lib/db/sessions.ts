import 'server-only';

import { randomUUID } from 'node:crypto';

import { getDb } from './index';
import type { SessionRow } from './schema';

/** One signed-in browser as the server sees it. Times are epoch ms. */
export interface StoredSession {
  id: string;
  userId: string;
  createdAtMs: number;
  lastSeenAtMs: number;
  expiresAtMs: number;
  userAgent: string | null;
  ip: string | null;
  revokedAtMs: number | null;
  revokedReason: string | null;
}

/** Why a session ended; recorded on the row for the admin's and the auditor's benefit. */
export type RevokeReason =
  'sign_out' | 'password_reset' | 'role_changed' | 'tenant_changed' | 'disabled' | 'admin';

/** Request details are shown to admins, never trusted: cap them so a client cannot bloat rows. */
const MAX_USER_AGENT = 512;
const MAX_IP = 64;

function toSession(row: SessionRow): StoredSession {
  return {
    id: row.id,
    userId: row.user_id,
    createdAtMs: Number(row.created_at),
    lastSeenAtMs: Number(row.last_seen_at),
    expiresAtMs: Number(row.expires_at),
    userAgent: row.user_agent,
    ip: row.ip,
    revokedAtMs: row.revoked_at === null ? null : Number(row.revoked_at),
    revokedReason: row.revoked_reason,
  };
}

export interface NewSession {
  userId: string;
  /** How long it lives without activity (the JWT's max age). */
  maxAgeMs: number;
  userAgent?: string | null;
  ip?: string | null;
  nowMs?: number;
}

export async function createSession(input: NewSession): Promise<StoredSession> {
  const db = await getDb();
  const now = input.nowMs ?? Date.now();
  const row: SessionRow = {
    id: randomUUID(),
    user_id: input.userId,
    created_at: now,
    last_seen_at: now,
    expires_at: now + input.maxAgeMs,
    user_agent: input.userAgent?.slice(0, MAX_USER_AGENT) || null,
    ip: input.ip?.slice(0, MAX_IP) || null,
    revoked_at: null,
    revoked_reason: null,
  };
  await db.insertInto('sessions').values(row).execute();
  return toSession(row);
}

export async function findSession(id: string): Promise<StoredSession | null> {
  const db = await getDb();
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSession(row) : null;
}

/** Records activity and slides the expiry; a revoked session stays revoked. */
export async function touchSession(
  id: string,
  maxAgeMs: number,
  nowMs = Date.now(),
): Promise<void> {
  const db = await getDb();
  await db
    .updateTable('sessions')
    .set({ last_seen_at: nowMs, expires_at: nowMs + maxAgeMs })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends one session. True when it was still open. */
export async function revokeSession(
  id: string,
  reason: RevokeReason,
  nowMs = Date.now(),
): Promise<boolean> {
  const db = await getDb();
  const res = await db
    .updateTable('sessions')
    .set({ revoked_at: nowMs, revoked_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Ends every open session of a user; answers how many there were (expired ones are dead already). */
export async function revokeUserSessions(
  userId: string,
  reason: RevokeReason,
  nowMs = Date.now(),
): Promise<number> {
  const db = await getDb();
  const res = await db
    .updateTable('sessions')
    .set({ revoked_at: nowMs, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowMs)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** A user's sessions that may still be used, most recently seen first. */
export async function listActiveSessions(
  userId: string,
  nowMs = Date.now(),
): Promise<StoredSession[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowMs)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toSession);
}

/** Deletes rows that expired before `beforeMs` (revoked or not): they can never be used again. */
export async function pruneSessions(beforeMs: number): Promise<number> {
  const db = await getDb();
  const res = await db.deleteFrom('sessions').where('expires_at', '<', beforeMs).executeTakeFirst();
  return Number(res.numDeletedRows);
}
