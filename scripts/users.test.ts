import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryAuditEvents } from '@/lib/db/audit';
import { closeDb, openDb } from '@/lib/db';
import { findUserWithPasswordByUsername } from '@/lib/db/users';
import { verifyPassword } from '@/lib/auth/password';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

// Each case spawns the real CLI (≈1 s per run: tsx + the react-server re-exec).
describe('users CLI', { timeout: 60_000 }, () => {
  let dataDir: string;

  async function users(...args: string[]) {
    try {
      const { stdout, stderr } = await run(tsx, ['scripts/users.ts', ...args], {
        cwd: root,
        env: { ...process.env, MODERATO_DATA_DIR: dataDir, DATABASE_URL: '' },
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  /** Opens the CLI's store in-process to check what it wrote. */
  async function inspect<T>(fn: () => Promise<T>): Promise<T> {
    await openDb({ kind: 'sqlite', file: path.join(dataDir, 'moderato.db') });
    try {
      return await fn();
    } finally {
      await closeDb();
    }
  }

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'moderato-cli-'));
  });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a user with a generated password, printed once', async () => {
    const r = await users('create', 'Alice', '--role', 'moderator', '--tenant', 'acme');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Created moderator 'alice' (tenant acme).");
    const password = /Password for 'alice': (\S+)/.exec(r.stdout)?.[1];
    expect(password).toHaveLength(20);
    const stored = await inspect(() => findUserWithPasswordByUsername('alice'));
    expect(stored).toMatchObject({ role: 'moderator', tenant: 'acme', provider: 'local' });
    expect(await verifyPassword(password!, stored!.passwordHash!)).toBe(true);
  });

  it('refuses a duplicate (exit 1) and bad usage (exit 2)', async () => {
    const [duplicate, badRole, shortPassword, unknownCommand, unknownFlag, ghost] =
      await Promise.all([
        users('create', 'ALICE'),
        users('set-role', 'alice', 'boss'),
        users('create', 'bob', '--password', 'short'),
        users('frobnicate'),
        users('create', 'x', '--unknown'),
        users('disable', 'ghost'),
      ]);
    expect(duplicate).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
    expect(badRole.code).toBe(2);
    expect(shortPassword.code).toBe(2);
    expect(unknownCommand.code).toBe(2);
    expect(unknownFlag.code).toBe(2);
    expect(ghost).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("no user named 'ghost'"),
    });
  });

  it('changes role, tenant, password and status, and audits each with source cli', async () => {
    expect((await users('set-role', 'alice', 'admin')).code).toBe(0);
    expect((await users('set-tenant', 'alice', 'none')).code).toBe(0);
    expect((await users('reset-password', 'alice', '--password', 'new-password-1')).code).toBe(0);
    expect((await users('disable', 'alice')).code).toBe(0);
    const list = await users('list');
    expect(list.stdout).toMatch(/alice\s+alice\s+admin\s+-\s+local\s+disabled\s+never/);
    expect((await users('enable', 'alice')).code).toBe(0);

    const { stored, events } = await inspect(async () => ({
      stored: await findUserWithPasswordByUsername('alice'),
      events: (await queryAuditEvents({ source: 'cli' })).events,
    }));
    expect(stored).toMatchObject({ role: 'admin', tenant: null, disabled: false });
    expect(await verifyPassword('new-password-1', stored!.passwordHash!)).toBe(true);
    expect(events.map((e) => e.action)).toEqual([
      'user.enabled',
      'user.disabled',
      'user.password_reset',
      'user.tenant_changed',
      'user.role_changed',
      'user.created',
    ]);
    expect(events[4]?.params).toEqual({ username: 'alice', from: 'moderator', to: 'admin' });
    expect(events[0]?.actorName).toMatch(/^cli/);
  });
});
