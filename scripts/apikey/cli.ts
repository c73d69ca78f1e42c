import 'server-only';

import os from 'node:os';
import { parseArgs } from 'node:util';

import type { ApiKeyDto } from '@/lib/contracts/api-keys';
import { ROLE_PERMISSIONS, ROLES } from '@/lib/contracts/permissions';
import { closeDb } from '@/lib/db';
import { findActiveApiKeyByName } from '@/lib/db/api-keys';
import type { Actor } from '@/lib/domain/actor';
import { createApiKey } from '@/lib/domain/api-keys/create-api-key';
import { listApiKeys } from '@/lib/domain/api-keys/list-api-keys';
import { revokeApiKey } from '@/lib/domain/api-keys/revoke-api-key';
import { DomainError } from '@/lib/domain/errors';
import { runOperation } from '@/lib/domain/run-operation';

const USAGE = `Usage: npm run apikey -- <command>

  create --auth-id <tenant|none> --role <${ROLES.join('|')}> [--name N] [--rooms a,b]
  list
  revoke <name-or-id>

create prints the key alone on its last line; it is shown only once (only its hash is kept).
--auth-id is the tenant (a room's metadata.auth_id) the key may act on; "none" = every tenant.
--rooms limits the key to those rooms (names exactly as LiveKit has them, comma-separated).
The store is the one the server uses (DATABASE_URL, else MODERATO_DATA_DIR/moderato.db); the
server need not run, and picks up new and revoked keys at once.`;

/** Wrong usage: exit 2 with a message. A refused command: exit 1. */
class UsageError extends Error {}

function cliActor(): Actor {
  let who = 'cli';
  try {
    who = `cli:${os.userInfo().username}`;
  } catch {
    // No user name (a container without a passwd entry): plain `cli`.
  }
  // Whoever can run this can read the store itself: the CLI acts as an unbound admin.
  return {
    userId: who,
    username: who,
    name: who,
    role: 'admin',
    permissions: ROLE_PERMISSIONS.admin,
    tenant: null,
    rooms: null,
    source: 'cli',
  };
}

function describeScope(key: ApiKeyDto): string {
  const tenant = key.tenant ? `tenant ${key.tenant}` : 'every tenant';
  const rooms = key.rooms ? `rooms ${key.rooms.join(', ')}` : 'every room';
  return `${tenant}, ${rooms}`;
}

function printTable(keys: ApiKeyDto[]): void {
  const time = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toISOString());
  const header = [
    'ID',
    'NAME',
    'PREFIX',
    'ROLE',
    'TENANT',
    'ROOMS',
    'CREATED BY',
    'LAST USED',
    'STATUS',
  ];
  const rows = keys.map((k) => [
    k.id,
    k.name,
    k.prefix,
    k.role,
    k.tenant ?? '-',
    k.rooms ? k.rooms.join(',') : '-',
    k.createdBy,
    time(k.lastUsedAtMs),
    k.revokedAtMs === null ? 'active' : `revoked ${time(k.revokedAtMs)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
  }
}

type Values = { 'auth-id'?: string; role?: string; name?: string; rooms?: string };

async function run(command: string, args: string[], values: Values): Promise<void> {
  const actor = cliActor();
  switch (command) {
    case 'create': {
      if (args.length > 0) throw new UsageError(`'create' takes no positional arguments`);
      const authId = values['auth-id'];
      if (authId === undefined) throw new UsageError('--auth-id is required (or --auth-id none)');
      if (values.role === undefined) throw new UsageError('--role is required');
      const name = values.name ?? `key-${Date.now().toString(36)}`;
      const { apiKey, key } = await runOperation(createApiKey, actor, {
        name,
        role: values.role,
        tenant: authId === 'none' ? null : authId,
        rooms: values.rooms === undefined ? null : values.rooms.split(','),
      });
      console.log(`Created ${apiKey.role} key '${apiKey.name}' (${describeScope(apiKey)}).`);
      console.log('It is shown only once, on the next line; store it somewhere safe.');
      console.log(key);
      return;
    }
    case 'list': {
      if (args.length > 0) throw new UsageError(`'list' takes no arguments`);
      printTable((await runOperation(listApiKeys, actor, {})).apiKeys);
      return;
    }
    case 'revoke': {
      if (args.length !== 1) throw new UsageError(`'revoke' takes one argument: a name or an id`);
      const nameOrId = args[0]!;
      const byName = await findActiveApiKeyByName(nameOrId);
      const revoked = await runOperation(revokeApiKey, actor, {
        keyId: byName?.id ?? nameOrId,
      }).catch((err: unknown) => {
        if (err instanceof DomainError && err.code === 'not_found') {
          throw new DomainError(
            'not_found',
            `no active key named '${nameOrId}', and no key with that id`,
          );
        }
        throw err;
      });
      console.log(`Revoked key '${revoked.name}' (${revoked.prefix}…): it is refused from now on.`);
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
        'auth-id': { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        rooms: { type: 'string' },
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
    if (err instanceof DomainError) {
      // Bad values (role, name, rooms) are usage errors; a taken name or unknown key is refused.
      console.error(`error: ${err.message}`);
      return err.code === 'invalid_input' ? 2 : 1;
    }
    throw err;
  } finally {
    await closeDb();
  }
}
