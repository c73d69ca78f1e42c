import 'server-only';

import { randomUUID } from 'node:crypto';

import type { Role } from '@/lib/contracts/permissions';

import { getDb } from './index';
import { isUniqueViolation } from './unique-violation';
import type { ApiKeyRow } from './schema';

/** A REST API key as the server sees it; the key itself is never stored, only its hash. */
export interface StoredApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  tenant: string | null;
  /** null = every room of the tenant. */
  rooms: string[] | null;
  createdBy: string;
  createdAtMs: number;
  lastUsedAtMs: number | null;
  revokedAtMs: number | null;
}

export class ApiKeyNameTakenError extends Error {
  constructor(name: string) {
    super(`An API key named '${name}' already exists`);
    this.name = 'ApiKeyNameTakenError';
  }
}

function toApiKey(row: ApiKeyRow): StoredApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role as Role,
    tenant: row.tenant,
    rooms: row.rooms === null ? null : (JSON.parse(row.rooms) as string[]),
    createdBy: row.created_by,
    createdAtMs: Number(row.created_at),
    lastUsedAtMs: row.last_used_at === null ? null : Number(row.last_used_at),
    revokedAtMs: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

export interface NewApiKey {
  name: string;
  hash: string;
  prefix: string;
  role: Role;
  tenant: string | null;
  rooms: string[] | null;
  createdBy: string;
  nowMs?: number;
}

/** Throws ApiKeyNameTakenError when a key that is not revoked has the name. */
export async function insertApiKey(input: NewApiKey): Promise<StoredApiKey> {
  const db = await getDb();
  const row: ApiKeyRow = {
    id: randomUUID(),
    name: input.name,
    key_hash: input.hash,
    prefix: input.prefix,
    role: input.role,
    tenant: input.tenant,
    rooms: input.rooms === null ? null : JSON.stringify(input.rooms),
    created_by: input.createdBy,
    created_at: input.nowMs ?? Date.now(),
    last_used_at: null,
    revoked_at: null,
  };
  try {
    await db.insertInto('api_keys').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiKeyNameTakenError(input.name);
    throw err;
  }
  return toApiKey(row);
}

/** The key with this hash, revoked or not (the caller decides what a revoked key means). */
export async function findApiKeyByHash(hash: string): Promise<StoredApiKey | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', hash)
    .executeTakeFirst();
  return row ? toApiKey(row) : null;
}

export async function findApiKeyById(id: string): Promise<StoredApiKey | null> {
  const db = await getDb();
  const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toApiKey(row) : null;
}

/** The key of that name that is not revoked, if any. */
export async function findActiveApiKeyByName(name: string): Promise<StoredApiKey | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('name', '=', name)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toApiKey(row) : null;
}

/** Every key, revoked ones too, newest first. */
export async function listApiKeys(): Promise<StoredApiKey[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('api_keys')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toApiKey);
}

/** Revokes a key for good. The answer: the key as revoked, or null when none was open. */
export async function revokeApiKey(id: string, nowMs = Date.now()): Promise<StoredApiKey | null> {
  const db = await getDb();
  const res = await db
    .updateTable('api_keys')
    .set({ revoked_at: nowMs })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return null;
  return findApiKeyById(id);
}

/** Records use; callers write at most once a minute per key so the check stays a read. */
export async function touchApiKey(id: string, nowMs = Date.now()): Promise<void> {
  const db = await getDb();
  await db.updateTable('api_keys').set({ last_used_at: nowMs }).where('id', '=', id).execute();
}
