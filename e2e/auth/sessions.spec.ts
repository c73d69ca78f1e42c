import {
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';

import { expect, signIn, test, uniqueSuffix } from '../fixtures';
import { seriousViolations } from '../support/axe';
import { callOperation } from '../support/openapi';

/**
 * Sessions that end (issue 8): signing out, a password reset, a role change, disabling and an
 * admin's "sign out everywhere" end a session on the server, so a copy of its cookie is refused at
 * once — 401 on /api/v1, the sign-in page for pages — although its JWT has hours left. Every test
 * uses accounts of its own: the demo accounts' sessions are shared with specs running in parallel.
 */

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

interface Account {
  id: string;
  username: string;
  password: string;
}

/** The demo admin's REST client, with our own Origin (a same-origin write). */
async function adminApi(baseURL: string, loginAs: (a: 'admin') => Promise<string>) {
  return playwrightRequest.newContext({
    baseURL,
    storageState: await loginAs('admin'),
    extraHTTPHeaders: { origin: baseURL },
  });
}

async function createAccount(admin: APIRequestContext, role = 'viewer'): Promise<Account> {
  const username = `e2e-sess-${uniqueSuffix()}`;
  const password = `pw-${username}-1`;
  const answer = await callOperation(admin, 'createUser', { username, role, password });
  expect(answer.status, answer.text).toBe(201);
  return { id: (answer.body as { user: { id: string } }).user.id, username, password };
}

/** Signs in through next-auth's endpoints (another browser, say) and returns its cookies. */
async function signedInElsewhere(baseURL: string, account: Account): Promise<StorageState> {
  const { ok, state } = await signIn(baseURL, account.username, account.password);
  expect(ok).toBe(true);
  return state;
}

/** A fresh API client holding exactly these cookies: each check gets its own copy. */
async function statusWith(baseURL: string, state: StorageState, path: string): Promise<number> {
  const context = await playwrightRequest.newContext({ baseURL, storageState: state });
  try {
    return (await context.get(path, { maxRedirects: 0 })).status();
  } finally {
    await context.dispose();
  }
}

/** A browser with these cookies opens /rooms: where does it end up? */
async function roomsPageWith(browser: Browser, baseURL: string, state: StorageState) {
  const context = await browser.newContext({ baseURL, storageState: state });
  try {
    const page = await context.newPage();
    await page.goto('/rooms');
    return page.url();
  } finally {
    await context.close();
  }
}

async function signInWithForm(page: Page, account: Account) {
  await page.goto('/login');
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/rooms$/);
}

async function newBrowserPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  return context.newPage();
}

const SIGNED_OUT_ROOMS = /\/login\?callbackUrl=%2Frooms$/;

// Several browsers, sign-ins and page loads per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

test('signing out in the browser ends that session: a copied cookie gets 401 and the sign-in page', async ({
  browser,
  baseURL,
  loginAs,
}) => {
  const admin = await adminApi(baseURL!, loginAs);
  const account = await createAccount(admin);
  const page = await newBrowserPage(browser, baseURL!);
  try {
    await signInWithForm(page, account);
    const copied = await page.context().storageState();
    const otherBrowser = await signedInElsewhere(baseURL!, account);
    expect(await statusWith(baseURL!, copied, '/api/v1/rooms')).toBe(200);

    // The app shell's button only works once hydrated; retry the click rather than race it.
    await expect(async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login/, { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });

    const copy = await playwrightRequest.newContext({ baseURL, storageState: copied });
    try {
      const res = await copy.get('/api/v1/rooms');
      expect(res.status()).toBe(401);
      expect((await res.json()).error.code).toBe('unauthenticated');
    } finally {
      await copy.dispose();
    }
    expect(await roomsPageWith(browser, baseURL!, copied)).toMatch(SIGNED_OUT_ROOMS);
    // Only this browser signed out: the account's other session goes on.
    expect(await statusWith(baseURL!, otherBrowser, '/api/v1/rooms')).toBe(200);
  } finally {
    await page.context().close();
    await admin.dispose();
  }
});

const CHANGES = [
  {
    what: 'a password reset',
    input: (id: string) => ({ operation: 'resetPassword', input: { userId: id } }),
  },
  {
    what: 'a role change',
    input: (id: string) => ({ operation: 'updateUser', input: { userId: id, role: 'moderator' } }),
  },
  {
    what: 'a tenant change',
    input: (id: string) => ({ operation: 'updateUser', input: { userId: id, tenant: 'acme' } }),
  },
  {
    what: 'disabling',
    input: (id: string) => ({
      operation: 'setUserDisabled',
      input: { userId: id, disabled: true },
    }),
  },
];

for (const change of CHANGES) {
  test(`${change.what} by an admin refuses the user’s open session at once`, async ({
    browser,
    baseURL,
    loginAs,
  }) => {
    const admin = await adminApi(baseURL!, loginAs);
    try {
      const account = await createAccount(admin);
      const state = await signedInElsewhere(baseURL!, account);
      expect(await statusWith(baseURL!, state, '/api/v1/rooms')).toBe(200);

      const { operation, input } = change.input(account.id);
      const done = await callOperation(admin, operation, input);
      expect(done.status, done.text).toBe(200);

      expect(await statusWith(baseURL!, state, '/api/v1/rooms')).toBe(401);
      expect(await roomsPageWith(browser, baseURL!, state)).toMatch(SIGNED_OUT_ROOMS);
    } finally {
      await admin.dispose();
    }
  });
}

test('an admin signs a user out everywhere from the Users page; their next request is refused', async ({
  page,
  browser,
  baseURL,
  loginAs,
}) => {
  const admin = await adminApi(baseURL!, loginAs);
  const account = await createAccount(admin);
  const theirs = await newBrowserPage(browser, baseURL!);
  try {
    await signInWithForm(theirs, account);
    const { username } = account;

    await page.goto('/users');
    await page.getByRole('searchbox', { name: 'Search users by username or name' }).fill(username);
    await page.getByRole('button', { name: `Sessions of ${username}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Sessions of ${username}` });
    const sessions = dialog.getByRole('table', { name: `Active sessions of ${username}` });
    await expect(sessions.getByRole('row')).toHaveCount(2);
    await expect(sessions.getByRole('rowheader')).toHaveText(/Chrome on \w+/);
    await expect(sessions.getByRole('row').nth(1)).toContainText('127.0.0.1');
    expect(await seriousViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: `Sign ${username} out everywhere` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Sign ${username} out everywhere?` });
    await expect(confirm).toContainText(`Every browser signed in as ${username} is signed out`);
    await expect(confirm).not.toContainText('your own account');
    await confirm.getByRole('button', { name: `Sign ${username} out everywhere` }).click();
    await expect(
      page.getByText(`Signed ${username} out everywhere: 1 session ended.`),
    ).toBeVisible();
    await expect(dialog.getByText('No active sessions')).toBeVisible();

    // Their browser's next request is refused, and the page sends them to sign in.
    const res = await theirs.request.get('/api/v1/rooms');
    expect(res.status()).toBe(401);
    await theirs.goto('/rooms');
    await expect(theirs).toHaveURL(SIGNED_OUT_ROOMS);
  } finally {
    await theirs.context().close();
    await admin.dispose();
  }
});

test('signing yourself out everywhere from the Users page warns first, then signs you out', async ({
  browser,
  baseURL,
  loginAs,
}) => {
  const admin = await adminApi(baseURL!, loginAs);
  const account = await createAccount(admin, 'admin');
  const page = await newBrowserPage(browser, baseURL!);
  try {
    await signInWithForm(page, account);
    const otherBrowser = await signedInElsewhere(baseURL!, account);
    const { username } = account;
    await page.goto('/users');
    await page.getByRole('searchbox', { name: 'Search users by username or name' }).fill(username);
    await page.getByRole('button', { name: `Sessions of ${username}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Sessions of ${username}` });
    await dialog.getByRole('button', { name: `Sign ${username} out everywhere` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Sign ${username} out everywhere?` });
    await expect(confirm).toContainText('This is your own account: this browser is signed out too');
    await confirm.getByRole('button', { name: `Sign ${username} out everywhere` }).click();

    await expect(page).toHaveURL(/\/login/);
    expect(await statusWith(baseURL!, otherBrowser, '/api/v1/rooms')).toBe(401);
    await page.goto('/rooms');
    await expect(page).toHaveURL(SIGNED_OUT_ROOMS);
  } finally {
    await page.context().close();
    await admin.dispose();
  }
});
