import 'server-only';

import os from 'node:os';
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { generatePassword, hashPassword } from '@/lib/auth/password';
import { endUserSessions } from '@/lib/auth/sessions';
import { insertAuditEvent } from '@/lib/db/audit';
import { closeDb } from '@/lib/db';
import {
  createUser,
  findUserByUsername,
  listUsers,
  setDisabled,
  setPassword,
  setRole,
  setTenant,
  type User,
  UsernameTakenError,
} from '@/lib/db/users';
import { ROLES } from '@/lib/contracts/permissions';
import type { UsersCliAuditAction } from '@/lib/domain/audit/audit-actions';

const USAGE = `Usage: npm run users -- <command>

  create <username> [--name N] [--role viewer|moderator|admin] [--tenant T] [--password P]
  reset-password <username> [--password P]
  set-role <username> <viewer|moderator|admin>
  set-tenant <username> <tenant|none>
  disable <username>
  enable <username>
  list

Without --password a strong password is generated and printed once.
The store is the one the server uses (DATABASE_URL, else MODERATO_DATA_DIR/moderato.db).`;

/** Wrong usage: exit 2 with a message. Anything else that fails: exit 1. */
class UsageError extends Error {}
class CommandError extends Error {}

const usernameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/,
    'letters, digits, . _ @ - (max 64), not starting with a symbol',
  );
const passwordSchema = z.string().min(8, 'at least 8 characters').max(1024);
const roleSchema = z.enum(ROLES, { error: `one of ${ROLES.join(', ')}` });
const tenantSchema = z.string().trim().min(1).max(200);
const nameSchema = z.string().trim().min(1).max(200);

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new UsageError(`invalid ${what}: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

function cliActorName(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

async function audit(
  action: UsersCliAuditAction,
  user: User,
  params: Record<string, unknown> = {},
) {
  await insertAuditEvent({
    actorName: cliActorName(),
    action,
    params: { username: user.username, ...params },
    outcome: 'success',
    source: 'cli',
  });
}

async function requireUser(username: string): Promise<User> {
  const user = await findUserByUsername(parse(usernameSchema, username, 'username'));
  if (!user) throw new CommandError(`no user named '${username}'`);
  return user;
}

function positionals(args: string[], count: number, command: string): string[] {
  if (args.length !== count) {
    throw new UsageError(`'${command}' takes ${count} argument(s), got ${args.length}`);
  }
  return args;
}

function printPassword(username: string, password: string) {
  console.log(`Password for '${username}': ${password}`);
  console.log('It is shown only once; store it somewhere safe.');
}

type Values = { name?: string; role?: string; tenant?: string; password?: string };

async function run(command: string, args: string[], values: Values): Promise<void> {
  switch (command) {
    case 'create': {
      const [rawName] = positionals(args, 1, command);
      const username = parse(usernameSchema, rawName, 'username');
      const role = parse(roleSchema, values.role ?? 'viewer', '--role');
      const tenant =
        values.tenant === undefined || values.tenant === 'none'
          ? null
          : parse(tenantSchema, values.tenant, '--tenant');
      const name = values.name === undefined ? undefined : parse(nameSchema, values.name, '--name');
      const given = values.password !== undefined;
      const password = given
        ? parse(passwordSchema, values.password, '--password')
        : generatePassword();
      let user: User;
      try {
        user = await createUser({
          username,
          name,
          role,
          tenant,
          passwordHash: await hashPassword(password),
        });
      } catch (err) {
        if (err instanceof UsernameTakenError) throw new CommandError(err.message);
        throw err;
      }
      await audit('user.created', user, { role, tenant });
      console.log(`Created ${user.role} '${user.username}'${tenant ? ` (tenant ${tenant})` : ''}.`);
      if (!given) printPassword(user.username, password);
      return;
    }
    case 'reset-password': {
      const [username] = positionals(args, 1, command);
      const user = await requireUser(username!);
      if (user.provider !== 'local') {
        throw new CommandError(`'${user.username}' signs in with OIDC and has no password here`);
      }
      const given = values.password !== undefined;
      const password = given
        ? parse(passwordSchema, values.password, '--password')
        : generatePassword();
      await setPassword(user.id, await hashPassword(password));
      await endUserSessions(user.id, 'password_reset');
      await audit('user.password_reset', user);
      console.log(`Password of '${user.username}' reset.`);
      if (!given) printPassword(user.username, password);
      return;
    }
    case 'set-role': {
      const [username, rawRole] = positionals(args, 2, command);
      const role = parse(roleSchema, rawRole, 'role');
      const user = await requireUser(username!);
      await setRole(user.id, role);
      if (role !== user.role) await endUserSessions(user.id, 'role_changed');
      await audit('user.role_changed', user, { from: user.role, to: role });
      console.log(`'${user.username}' is now ${role}.`);
      if (user.provider === 'oidc') {
        console.log('Note: OIDC users get their role from the identity provider at each sign-in.');
      }
      return;
    }
    case 'set-tenant': {
      const [username, rawTenant] = positionals(args, 2, command);
      const tenant = rawTenant === 'none' ? null : parse(tenantSchema, rawTenant, 'tenant');
      const user = await requireUser(username!);
      await setTenant(user.id, tenant);
      if (tenant !== user.tenant) await endUserSessions(user.id, 'tenant_changed');
      await audit('user.tenant_changed', user, { from: user.tenant, to: tenant });
      console.log(
        tenant
          ? `'${user.username}' is now bound to tenant ${tenant}.`
          : `'${user.username}' now sees every tenant.`,
      );
      return;
    }
    case 'disable':
    case 'enable': {
      const [username] = positionals(args, 1, command);
      const user = await requireUser(username!);
      const disabled = command === 'disable';
      await setDisabled(user.id, disabled);
      if (disabled) await endUserSessions(user.id, 'disabled');
      await audit(disabled ? 'user.disabled' : 'user.enabled', user);
      console.log(
        `'${user.username}' ${disabled ? 'disabled: its sessions have ended' : 'enabled'}.`,
      );
      return;
    }
    case 'list': {
      positionals(args, 0, command);
      const users = await listUsers();
      const rows = users.map((u) => [
        u.username,
        u.name,
        u.role,
        u.tenant ?? '-',
        u.provider,
        u.disabled ? 'disabled' : 'active',
        u.lastSignInAtMs ? new Date(u.lastSignInAtMs).toISOString() : 'never',
      ]);
      const header = ['USERNAME', 'NAME', 'ROLE', 'TENANT', 'PROVIDER', 'STATUS', 'LAST SIGN-IN'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const row of [header, ...rows]) {
        console.log(
          row
            .map((cell, i) => cell.padEnd(widths[i]!))
            .join('  ')
            .trimEnd(),
        );
      }
      return;
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

/** Runs one command; returns the process exit code. Always closes the store. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        tenant: { type: 'string' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    console.error(`error: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...args] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  try {
    await run(command, args, parsed.values);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof CommandError) {
      console.error(`error: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await closeDb();
  }
}
