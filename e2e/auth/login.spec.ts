import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { expect, type Page, test } from '@playwright/test';

/** The data dir of the e2e dashboard (playwright.config.ts), shared with the users CLI. */
const DATA_DIR = '.data/e2e-main';

function usersCli(...args: string[]): string {
  return execFileSync(path.resolve('node_modules/.bin/tsx'), ['scripts/users.ts', ...args], {
    env: { ...process.env, MODERATO_DATA_DIR: DATA_DIR, DATABASE_URL: '' },
    encoding: 'utf8',
  });
}

async function signIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function sessionOf(page: Page) {
  const res = await page.request.get('/api/auth/session');
  expect(res.ok()).toBe(true);
  return (await res.json()) as { user?: { username: string; role: string; tenant: string | null } };
}

test('moderator signs in with the login form', async ({ page }) => {
  await signIn(page, 'moderator', 'moderator-demo');
  await expect(page).not.toHaveURL(/\/login/);
  expect((await sessionOf(page)).user).toMatchObject({ username: 'moderator', role: 'moderator' });
});

test('an anonymous visit to a page goes to /login and comes back after sign-in', async ({
  page,
}) => {
  await page.goto('/audit?x=1');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faudit%3Fx%3D1$/);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('admin-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/audit\?x=1$/);
});

test('a wrong password shows an error and stays on /login', async ({ page }) => {
  await signIn(page, 'moderator', 'not-the-password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Invalid username or password.',
  );
  await expect(page).toHaveURL(/\/login/);
  expect((await sessionOf(page)).user).toBeUndefined();
});

test('repeated wrong passwords from one client are asked to wait a few seconds, not locked out', async ({
  page,
}) => {
  // Unknown and known usernames are throttled alike, so a fresh name needs no account. A client
  // of its own (x-forwarded-for, trusted in the e2e env) keeps other specs' sign-ins out of it.
  const username = `guess-${randomBytes(4).toString('hex')}`;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${randomBytes(3).join('.')}` });
  await page.goto('/login');
  const alert = page.getByRole('main').getByRole('alert');
  // Each wrong guess is answered as such until the throttle asks for a pause and says how long.
  const messages: string[] = [];
  while (messages.length < 15 && !messages.at(-1)?.startsWith('Too many')) {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(`guess-${randomBytes(4).toString('hex')}`);
    await Promise.all([
      page.waitForResponse((res) => res.url().includes('/api/auth/callback/credentials')),
      page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ]);
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? '');
  }
  expect(messages[0]).toBe('Invalid username or password.');
  expect(messages.at(-1)).toMatch(/^Too many sign-in attempts\. Try again in ([1-9]|10) s\.$/);
  await expect(page).toHaveURL(/\/login/);
});

test('the login page lists the demo accounts', async ({ page }) => {
  await page.goto('/login');
  const table = page.getByRole('region', { name: 'Demo accounts' }).getByRole('table');
  await expect(table.getByRole('row', { name: /viewer\s+viewer-demo/ })).toBeVisible();
});

test('an off-site callbackUrl is ignored', async ({ page }) => {
  await page.goto('/login?callbackUrl=https://evil.example/steal');
  await page.getByLabel('Username').fill('viewer');
  await page.getByLabel('Password').fill('viewer-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  expect(new URL(page.url()).host).toBe('127.0.0.1:3100');
});

test('a disabled user is refused, and disabling ends a live session', async ({ page }) => {
  // Two runs of the users CLI (each starts tsx) and two sign-ins: 29 s on a busy 2-core machine.
  test.setTimeout(60_000);
  const username = `e2e-${randomBytes(4).toString('hex')}`;
  usersCli('create', username, '--role', 'viewer', '--password', 'e2e-password-1');

  await signIn(page, username, 'e2e-password-1');
  await expect(page).not.toHaveURL(/\/login/);
  expect((await sessionOf(page)).user?.username).toBe(username);

  usersCli('disable', username);
  // The JWT is still valid, but every read re-checks the user.
  expect((await sessionOf(page)).user).toBeUndefined();

  await signIn(page, username, 'e2e-password-1');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Invalid username or password.',
  );
  await expect(page).toHaveURL(/\/login/);
});

test('sign out stays on the address the browser uses, not NEXTAUTH_URL’s host', async ({
  page,
  baseURL,
}) => {
  // NEXTAUTH_URL names 127.0.0.1 (e2e/support/dashboard-env.ts); this browser uses localhost.
  const other = baseURL!.replace('127.0.0.1', 'localhost');
  await page.goto(`${other}/login`);
  await page.getByLabel('Username').fill('viewer');
  await page.getByLabel('Password').fill('viewer-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(other);
  await expect(async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${other}/login`, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  // Signed out there, not only sent to the sign-in page.
  const session = await page.request.get(`${other}/api/auth/session`);
  expect(((await session.json()) as { user?: unknown }).user).toBeUndefined();
});

test('sign out returns to /login and protected pages redirect again', async ({ page }) => {
  await signIn(page, 'viewer', 'viewer-demo');
  await expect(page).not.toHaveURL(/\/login/);
  // The app shell's button only works once hydrated; retry the click rather than race it.
  await expect(async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  expect((await sessionOf(page)).user).toBeUndefined();
  await page.goto('/rooms');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Frooms$/);
});
