import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hashApiKey } from '@/lib/auth/api-key-secret';
import { findApiKeyByHash } from '@/lib/db/api-keys';
import { queryAuditEvents } from '@/lib/db/audit';
import { closeDb, openDb } from '@/lib/db';
import type { DbTarget } from '@/lib/db/target';
import { testStores, type TestStore } from '@/lib/db/test-stores';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

// Each call spawns the real CLI (≈1 s: tsx + the react-server re-exec), against either store.
describe.each(testStores())('apikey CLI on $kind', { timeout: 60_000 }, ({ store: makeStore }) => {
  let store: TestStore;
  let target: DbTarget;

  function storeEnv(): Record<string, string> {
    return target.kind === 'sqlite'
      ? { MODERATO_DATA_DIR: path.dirname(target.file), DATABASE_URL: '' }
      : { DATABASE_URL: target.url };
  }

  async function apikey(...args: string[]) {
    try {
      const { stdout, stderr } = await run(tsx, ['scripts/apikey.ts', ...args], {
        cwd: root,
        env: { ...process.env, ...storeEnv() },
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  /** Opens the CLI's store in-process to check what it wrote. */
  async function inspect<T>(fn: () => Promise<T>): Promise<T> {
    await openDb(target);
    try {
      return await fn();
    } finally {
      await closeDb();
    }
  }

  const lastLine = (stdout: string) => stdout.trimEnd().split('\n').at(-1)!;

  beforeAll(async () => {
    store = makeStore();
    target = await store.create();
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('creates a key, prints it alone on the last line, and stores only its hash', async () => {
    const r = await apikey(
      'create',
      '--auth-id',
      'acme',
      '--role',
      'moderator',
      '--name',
      'portal',
      '--rooms',
      'standup,Room B',
    );
    expect(r.code).toBe(0);
    const key = lastLine(r.stdout);
    expect(key).toMatch(/^mdk_[A-Za-z0-9_-]{43}$/);
    expect(r.stdout).toContain(
      "Created moderator key 'portal' (tenant acme, rooms standup, Room B).",
    );
    const stored = await inspect(() => findApiKeyByHash(hashApiKey(key)));
    expect(stored).toMatchObject({
      name: 'portal',
      role: 'moderator',
      tenant: 'acme',
      rooms: ['standup', 'Room B'],
      createdBy: expect.stringMatching(/^cli/),
      revokedAtMs: null,
    });
  });

  it('lists keys without the key, and revokes by name and by id', async () => {
    const created = await apikey('create', '--auth-id', 'none', '--role', 'viewer');
    expect(created.code).toBe(0);
    const key = lastLine(created.stdout);
    const { id, name } = (await inspect(() => findApiKeyByHash(hashApiKey(key))))!;
    expect(name).toMatch(/^key-/);

    const list = await apikey('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      /portal\s+mdk_\S{8}\s+moderator\s+acme\s+standup,Room B\s+cli\S*\s+never\s+active/,
    );
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+${name}\\s+mdk_\\S{8}\\s+viewer\\s+-\\s+-`));
    expect(list.stdout).not.toContain(key);

    const [byName, byId] = await Promise.all([apikey('revoke', 'portal'), apikey('revoke', id)]);
    expect(byName).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("Revoked key 'portal'"),
    });
    expect(byId).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`Revoked key '${name}'`),
    });
    expect((await inspect(() => findApiKeyByHash(hashApiKey(key))))?.revokedAtMs).toEqual(
      expect.any(Number),
    );
    expect((await apikey('list')).stdout).toMatch(/portal\s.*revoked \d{4}-/);

    const events = await inspect(async () => (await queryAuditEvents({ source: 'cli' })).events);
    expect(events.map((e) => e.action).sort()).toEqual([
      'apikey.created',
      'apikey.created',
      'apikey.revoked',
      'apikey.revoked',
    ]);
    expect(
      events.find((e) => e.params?.name === 'portal' && e.action === 'apikey.created'),
    ).toMatchObject({ outcome: 'success', actorName: expect.stringMatching(/^cli/) });
  });

  it('refuses bad usage (exit 2), a taken name and an unknown key (exit 1)', async () => {
    await apikey('create', '--auth-id', 'acme', '--role', 'viewer', '--name', 'taken');
    const [noTenant, badRole, unknownCommand, taken, ghost] = await Promise.all([
      apikey('create', '--role', 'viewer'),
      apikey('create', '--auth-id', 'acme', '--role', 'boss'),
      apikey('frobnicate'),
      apikey('create', '--auth-id', 'acme', '--role', 'viewer', '--name', 'taken'),
      apikey('revoke', 'ghost'),
    ]);
    for (const usage of [noTenant, badRole, unknownCommand]) {
      expect(usage.code, usage.stderr).toBe(2);
      expect(usage.stdout).not.toMatch(/mdk_/);
    }
    expect(taken).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
    expect(ghost).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("no active key named 'ghost'"),
    });
  });
});
