import 'server-only';

import { insertAuditEvent } from '@/lib/db/audit';
import { getDb } from '@/lib/db';
import {
  countUsers,
  createUser,
  findUserWithPasswordByUsername,
  setDisabled,
  setPassword,
  setRole,
  setTenant,
  UsernameTakenError,
} from '@/lib/db/users';
import { env } from '@/lib/env';

import { DEMO_ACCOUNTS } from './demo-accounts';
import { generatePassword, hashPassword, verifyPassword } from './password';
import { getAuthSecret } from './secret';

async function auditSystem(action: string, username: string, params?: Record<string, unknown>) {
  await insertAuditEvent({
    actorName: 'system',
    action,
    params: { username, ...params },
    outcome: 'success',
    source: 'system',
  });
}

/**
 * Demo mode: the demo accounts exist and match the list the login page prints (password, role,
 * tenant, enabled), even if someone changed them in an earlier run.
 */
async function ensureDemoAccounts(): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const existing = await findUserWithPasswordByUsername(account.username);
    if (!existing) {
      try {
        await createUser({ ...account, passwordHash: await hashPassword(account.password) });
        await auditSystem('user.created', account.username, { role: account.role, demo: true });
      } catch (err) {
        if (!(err instanceof UsernameTakenError)) throw err;
      }
      continue;
    }
    const passwordOk =
      existing.passwordHash !== null &&
      (await verifyPassword(account.password, existing.passwordHash));
    if (!passwordOk) await setPassword(existing.id, await hashPassword(account.password));
    if (existing.role !== account.role) await setRole(existing.id, account.role);
    if (existing.tenant !== account.tenant) await setTenant(existing.id, account.tenant);
    if (existing.disabled) await setDisabled(existing.id, false);
  }
}

/** First start: one admin with a random password, shown once in the server log. */
async function ensureFirstAdmin(): Promise<void> {
  if ((await countUsers()) > 0) return;
  const password = generatePassword();
  try {
    await createUser({
      username: 'admin',
      name: 'Administrator',
      role: 'admin',
      passwordHash: await hashPassword(password),
    });
  } catch (err) {
    // Another process bootstrapped at the same moment; its log has the password.
    if (err instanceof UsernameTakenError) return;
    throw err;
  }
  await auditSystem('user.created', 'admin', { role: 'admin', bootstrap: true });
  const lines = [
    `Moderato: created admin account 'admin' with password ${password}`,
    'This is shown only once. Change it with: npm run users -- reset-password admin',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);
  console.log([`┌${bar}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${bar}┘`].join('\n'));
}

/** Server start: migrate, make sure someone can sign in, and pin the session secret. */
export async function bootstrap(): Promise<void> {
  await getDb();
  getAuthSecret();
  if (env().MODERATO_DEMO) await ensureDemoAccounts();
  else await ensureFirstAdmin();
}
