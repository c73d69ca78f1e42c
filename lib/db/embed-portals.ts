import 'server-only';

import { randomUUID } from 'node:crypto';

import { openPortalSecret, sealPortalSecret } from '@/lib/auth/portal-secret';
import type { EmbedRole } from '@/lib/contracts/embed';

import { getDb } from './index';
import { isUniqueViolation } from './unique-violation';
import type { EmbedPortalRow } from './schema';

/** An embedding portal as the server sees it; its secret is read only through findEmbedPortalSecret. */
export interface StoredEmbedPortal {
  id: string;
  name: string;
  allowedOrigins: string[];
  tenant: string | null;
  maxRole: EmbedRole;
  createdBy: string;
  createdAtMs: number;
  lastUsedAtMs: number | null;
  revokedAtMs: number | null;
}

export class EmbedPortalNameTakenError extends Error {
  constructor(name: string) {
    super(`An embedding portal named '${name}' already exists`);
    this.name = 'EmbedPortalNameTakenError';
  }
}

export interface NewEmbedPortal {
  name: string;
  /** The portal's signing secret in clear; stored sealed (lib/auth/portal-secret.ts). */
  secret: string;
  allowedOrigins: string[];
  tenant: string | null;
  maxRole: EmbedRole;
  createdBy: string;
}

function toEmbedPortal(row: EmbedPortalRow): StoredEmbedPortal {
  return {
    id: row.id,
    name: row.name,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    tenant: row.tenant,
    maxRole: row.max_role as EmbedRole,
    createdBy: row.created_by,
    createdAtMs: Number(row.created_at),
    lastUsedAtMs: row.last_used_at === null ? null : Number(row.last_used_at),
    revokedAtMs: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

/** Throws EmbedPortalNameTakenError when a portal that is not revoked has the name. */
export async function insertEmbedPortal(portal: NewEmbedPortal): Promise<StoredEmbedPortal> {
  const db = await getDb();
  const row: EmbedPortalRow = {
    id: randomUUID(),
    name: portal.name,
    secret_sealed: sealPortalSecret(portal.secret),
    allowed_origins: JSON.stringify(portal.allowedOrigins),
    tenant: portal.tenant,
    max_role: portal.maxRole,
    created_by: portal.createdBy,
    created_at: Date.now(),
    last_used_at: null,
    revoked_at: null,
  };
  try {
    await db.insertInto('embed_portals').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new EmbedPortalNameTakenError(portal.name);
    throw err;
  }
  return toEmbedPortal(row);
}

/** Every portal, revoked ones too, newest first. */
export async function listEmbedPortals(): Promise<StoredEmbedPortal[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('embed_portals')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toEmbedPortal);
}

/** The portal, revoked or not (the caller decides what a revoked portal means). */
export async function findEmbedPortalById(id: string): Promise<StoredEmbedPortal | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('embed_portals')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toEmbedPortal(row) : null;
}

/**
 * The portal's signing secret in clear, for verifying its tokens; null when no portal has the id
 * or it is revoked. Throws when the sealed value cannot be opened (see lib/auth/portal-secret.ts).
 */
export async function findEmbedPortalSecret(id: string): Promise<string | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('embed_portals')
    .select('secret_sealed')
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? openPortalSecret(row.secret_sealed) : null;
}

/** Revokes a portal for good. True when it was open until now; false when unknown or revoked. */
export async function revokeEmbedPortal(id: string, atMs: number): Promise<boolean> {
  const db = await getDb();
  const res = await db
    .updateTable('embed_portals')
    .set({ revoked_at: atMs })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Records use; callers write at most once a minute per portal so verifying stays a read. */
export async function touchEmbedPortal(id: string, atMs: number): Promise<void> {
  const db = await getDb();
  await db.updateTable('embed_portals').set({ last_used_at: atMs }).where('id', '=', id).execute();
}

/**
 * How long a token id stays used after the `expiresAtMs` it was claimed with. Verifiers accept a
 * token a little past its `exp` (clock leeway, seconds); keeping the id well beyond that means a
 * replay inside the leeway still finds it, whether or not the caller added the leeway itself.
 */
export const EMBED_TOKEN_ID_GRACE_MS = 5 * 60_000;
/** Expired token ids are deleted at most this often per process, by the claim that comes next. */
export const EMBED_TOKEN_PRUNE_INTERVAL_MS = 60_000;
// On globalThis because Next bundles routes separately (as the session cache does).
const pruning = globalThis as typeof globalThis & { __moderatoEmbedTokensPrunedAt?: number };

async function pruneExpiredTokenIds(nowMs: number): Promise<void> {
  const last = pruning.__moderatoEmbedTokensPrunedAt;
  if (last !== undefined && nowMs >= last && nowMs - last < EMBED_TOKEN_PRUNE_INTERVAL_MS) return;
  pruning.__moderatoEmbedTokensPrunedAt = nowMs;
  const db = await getDb();
  await db
    .deleteFrom('embed_token_uses')
    .where('expires_at', '<', nowMs - EMBED_TOKEN_ID_GRACE_MS)
    .execute();
}

/**
 * Single use of an embed token id: true the first time, false when already used. Deletes expired
 * rows now and then.
 *
 * `expiresAtMs` is when the token expires (its `exp`); the id stays used until
 * EMBED_TOKEN_ID_GRACE_MS after that, past any clock leeway, and is free again afterwards (only a
 * new token can present it then: the old one is refused as expired before it is claimed). The
 * primary key decides races: of two concurrent claims, on any number of instances, one inserts
 * and the other finds its row (PostgreSQL makes the second wait for the first to commit). `nowMs`
 * is for tests.
 */
export async function claimEmbedTokenId(
  portalId: string,
  jti: string,
  expiresAtMs: number,
  nowMs: number = Date.now(),
): Promise<boolean> {
  await pruneExpiredTokenIds(nowMs);
  const db = await getDb();
  const claimed = await db
    .insertInto('embed_token_uses')
    .values({ portal_id: portalId, jti, expires_at: expiresAtMs })
    .onConflict((oc) =>
      oc
        .columns(['portal_id', 'jti'])
        .doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') })
        // Only a use long expired (and not pruned yet) gives the id back: the answer must not
        // depend on when pruning last ran.
        .where('embed_token_uses.expires_at', '<', nowMs - EMBED_TOKEN_ID_GRACE_MS),
    )
    .returning('jti')
    .executeTakeFirst();
  return claimed !== undefined;
}
