import 'server-only';

import { randomUUID } from 'node:crypto';

import { sql } from 'kysely';

import type { Role } from '@/lib/contracts/permissions';

import { getDb } from './index';
import { isUniqueViolation } from './unique-violation';
import type { UserProvider, UserRow } from './schema';

/** A dashboard account as the rest of the server sees it (never includes the password hash). */
export interface User {
  id: string;
  username: string;
  name: string;
  provider: UserProvider;
  oidcSubject: string | null;
  role: Role;
  tenant: string | null;
  disabled: boolean;
  createdAtMs: number;
  updatedAtMs: number;
  lastSignInAtMs: number | null;
}

/** Only for password verification; keep the hash out of everything else. */
export interface UserWithPassword extends User {
  passwordHash: string | null;
}

export class UsernameTakenError extends Error {
  constructor(username: string) {
    super(`A user named '${username}' already exists`);
    this.name = 'UsernameTakenError';
  }
}

/** Usernames compare case-insensitively; we store them lower-cased. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    provider: row.provider,
    oidcSubject: row.oidc_subject,
    role: row.role as Role,
    tenant: row.tenant,
    disabled: Number(row.disabled) === 1,
    createdAtMs: Number(row.created_at),
    updatedAtMs: Number(row.updated_at),
    lastSignInAtMs: row.last_sign_in_at === null ? null : Number(row.last_sign_in_at),
  };
}

export interface CreateUserInput {
  username: string;
  name?: string;
  role: Role;
  tenant?: string | null;
  passwordHash?: string | null;
  provider?: UserProvider;
  oidcSubject?: string | null;
  disabled?: boolean;
}

/** Throws UsernameTakenError when the name (case-insensitively) is in use. */
export async function createUser(input: CreateUserInput): Promise<User> {
  const db = await getDb();
  const now = Date.now();
  const username = normalizeUsername(input.username);
  const row: UserRow = {
    id: randomUUID(),
    username,
    name: input.name?.trim() || username,
    password_hash: input.passwordHash ?? null,
    provider: input.provider ?? 'local',
    oidc_subject: input.oidcSubject ?? null,
    role: input.role,
    tenant: input.tenant ?? null,
    disabled: input.disabled ? 1 : 0,
    created_at: now,
    updated_at: now,
    last_sign_in_at: null,
  };
  try {
    await db.insertInto('users').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new UsernameTakenError(username);
    throw err;
  }
  return toUser(row);
}

async function findRow(
  column: 'username' | 'id' | 'oidc_subject',
  value: string,
): Promise<UserRow | undefined> {
  const db = await getDb();
  const query = db.selectFrom('users').selectAll();
  if (column === 'username') {
    return query
      .where(sql<string>`lower(username)`, '=', normalizeUsername(value))
      .executeTakeFirst();
  }
  return query.where(column, '=', value).executeTakeFirst();
}

export async function findUserByUsername(username: string): Promise<User | null> {
  const row = await findRow('username', username);
  return row ? toUser(row) : null;
}

/** Includes the password hash: for the credentials check only. */
export async function findUserWithPasswordByUsername(
  username: string,
): Promise<UserWithPassword | null> {
  const row = await findRow('username', username);
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function findUserById(id: string): Promise<User | null> {
  const row = await findRow('id', id);
  return row ? toUser(row) : null;
}

export async function findUserByOidcSubject(subject: string): Promise<User | null> {
  const row = await findRow('oidc_subject', subject);
  return row ? toUser(row) : null;
}

/** All users, by username. The table stays small (humans who moderate), so no paging. */
export async function listUsers(): Promise<User[]> {
  const db = await getDb();
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toUser);
}

export async function countUsers(): Promise<number> {
  const db = await getDb();
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function updateUser(
  id: string,
  patch: Partial<Pick<UserRow, 'password_hash' | 'role' | 'tenant' | 'disabled' | 'name'>>,
): Promise<User | null> {
  const db = await getDb();
  const res = await db
    .updateTable('users')
    .set({ ...patch, updated_at: Date.now() })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return null;
  return findUserById(id);
}

/** The returned user is null when the id does not exist. */
export function setPassword(id: string, passwordHash: string): Promise<User | null> {
  return updateUser(id, { password_hash: passwordHash });
}

export function setRole(id: string, role: Role): Promise<User | null> {
  return updateUser(id, { role });
}

export function setTenant(id: string, tenant: string | null): Promise<User | null> {
  return updateUser(id, { tenant });
}

export function setDisabled(id: string, disabled: boolean): Promise<User | null> {
  return updateUser(id, { disabled: disabled ? 1 : 0 });
}

/** One write for an edit of several fields, so a half-applied edit cannot be left behind. */
export function updateProfile(
  id: string,
  patch: { name?: string; role?: Role; tenant?: string | null },
): Promise<User | null> {
  return updateUser(id, patch);
}

/** Enabled admins: the last one may not be disabled or demoted, or nobody could manage users. */
export async function countEnabledAdmins(): Promise<number> {
  const db = await getDb();
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function touchLastSignIn(id: string, atMs = Date.now()): Promise<void> {
  const db = await getDb();
  await db.updateTable('users').set({ last_sign_in_at: atMs }).where('id', '=', id).execute();
}

export interface UpsertOidcUserInput {
  subject: string;
  /** Preferred login name from the IdP (preferred_username / email / sub). */
  username: string;
  name: string;
  role: Role;
  tenant: string | null;
}

/**
 * Creates or refreshes the local record of an OIDC account, keyed by its subject. Role and tenant
 * follow the IdP's claims on every sign-in (the IdP is the source of truth); `disabled` is local
 * and kept. The username is never matched against an existing account: an IdP user called
 * "admin" must not take over the local admin, so a taken name gets a suffix instead.
 */
export async function upsertOidcUser(input: UpsertOidcUserInput): Promise<User> {
  const existing = await findUserByOidcSubject(input.subject);
  if (existing) {
    const db = await getDb();
    await db
      .updateTable('users')
      .set({ name: input.name, role: input.role, tenant: input.tenant, updated_at: Date.now() })
      .where('id', '=', existing.id)
      .execute();
    return (await findUserById(existing.id)) ?? existing;
  }
  const base = normalizeUsername(input.username) || 'oidc-user';
  for (let attempt = 0; attempt < 5; attempt++) {
    const username = attempt === 0 ? base : `${base}-${randomUUID().slice(0, 6)}`;
    try {
      return await createUser({
        username,
        name: input.name,
        role: input.role,
        tenant: input.tenant,
        provider: 'oidc',
        oidcSubject: input.subject,
      });
    } catch (err) {
      if (!(err instanceof UsernameTakenError)) throw err;
      // Two first sign-ins of the same subject raced: the other one won, use its row.
      const raced = await findUserByOidcSubject(input.subject);
      if (raced) return raced;
    }
  }
  throw new Error('Could not allocate a username for the OIDC account');
}
