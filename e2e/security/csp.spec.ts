import { request as playwrightRequest, type Page } from '@playwright/test';

import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

/**
 * The Content Security Policy (lib/http/csp.ts, set by proxy.ts): every kind of page carries it
 * with a nonce of its own on every script, and the dashboard works under it in Chromium without a
 * single violation.
 */

const BASE_URL = `http://127.0.0.1:${E2E.dashboardPort}`;

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** Asserts the strict policy and returns its script nonce. */
function expectStrictPolicy(policy: string | undefined, where: string): string {
  expect(policy, `${where}: Content-Security-Policy`).toBeTruthy();
  const policyOf = directives(policy!);
  const scripts = policyOf.get('script-src') ?? [];
  const nonce = scripts.find((source) => source.startsWith("'nonce-"));
  expect(nonce, `${where}: script-src ${scripts.join(' ')}`).toMatch(
    /^'nonce-[A-Za-z0-9+/]{22}==?'$/,
  );
  expect(scripts, where).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]));
  expect(scripts, where).not.toContain("'unsafe-inline'");
  expect(scripts, where).not.toContain("'unsafe-eval'");
  expect(policyOf.get('object-src'), where).toEqual(["'none'"]);
  expect(policyOf.get('base-uri'), where).toEqual(["'none'"]);
  expect(policyOf.get('frame-ancestors'), where).toEqual(["'self'"]);
  expect(policyOf.get('form-action'), where).toEqual(["'self'"]);
  expect(policyOf.get('connect-src'), where).toEqual(["'self'"]);
  expect(policyOf.get('img-src'), where).toEqual(["'self'", 'data:', 'blob:']);
  return nonce!.slice("'nonce-".length, -1);
}

/** The `<script>` start tags of a page. */
function scriptTags(html: string): string[] {
  return html.match(/<script\b[^>]*>/g) ?? [];
}

test.describe('every page type', () => {
  test('carries the strict policy, a fresh nonce per response, and that nonce on every script', async ({
    request,
    livekit,
  }) => {
    const room = await livekit.seedRoom(livekit.roomName('csp'), [{ identity: 'alice' }]);
    const anonymous = await playwrightRequest.newContext({
      baseURL: BASE_URL,
      storageState: { cookies: [], origins: [] },
    });
    try {
      const pages = [
        { path: '/login', context: anonymous, status: 200 },
        { path: '/rooms', context: request, status: 200 },
        { path: `/rooms/${encodeURIComponent(room)}`, context: request, status: 200 },
        {
          path: `/rooms/${encodeURIComponent(livekit.roomName('gone'))}`,
          context: request,
          status: 404,
        },
        { path: '/audit', context: request, status: 200 },
        { path: '/users', context: request, status: 200 },
        { path: '/api-reference', context: request, status: 200 },
        { path: '/no-such-page', context: request, status: 404 },
      ];
      for (const { path, context, status } of pages) {
        const nonces: string[] = [];
        for (let i = 0; i < 2; i++) {
          const res = await context.get(path, { maxRedirects: 0 });
          expect(res.status(), path).toBe(status);
          const nonce = expectStrictPolicy(res.headers()['content-security-policy'], path);
          const scripts = scriptTags(await res.text());
          // Next's inline bootstrap and its chunk scripts all came out of a per-request render.
          expect(scripts.length, `${path}: scripts`).toBeGreaterThan(0);
          for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
          nonces.push(nonce);
        }
        expect(nonces[0], `${path}: a new nonce for each response`).not.toBe(nonces[1]);
      }
    } finally {
      await anonymous.dispose();
    }
  });

  test('API answers and refusals carry the policy too; HSTS only over HTTPS', async ({
    request,
  }) => {
    for (const path of ['/api/v1/rooms', '/api/health', '/api/auth/session', '/rooms/%ZZ']) {
      const res = await request.get(path);
      expectStrictPolicy(res.headers()['content-security-policy'], path);
      expect(res.headers()['strict-transport-security'], path).toBeUndefined();
    }
    // playwright.config.ts declares a proxy in front (TRUSTED_PROXY_HOPS), whose word on the
    // scheme the dashboard takes.
    const proxied = await request.get('/rooms', { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers()['strict-transport-security']).toBe('max-age=31536000');
    const plain = await request.get('/rooms', { headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers()['strict-transport-security']).toBeUndefined();
  });
});

type Violation = { page: string; directive: string; blocked: string; sample: string };

/**
 * The one refusal the policy exists to make here: Redoc's sidebar credits Redocly with a logo from
 * its CDN, which img-src keeps readers of the API reference from fetching (api-reference.spec.ts
 * checks that no request leaves our origin). Anything else refused would be a page not working.
 */
const REDOCLY_LOGO = 'https://cdn.redoc.ly/';
const intended = (violation: Violation) =>
  violation.directive === 'img-src' && violation.blocked.startsWith(REDOCLY_LOGO);

/** Records every CSP violation and CSP console error of the page, across navigations. */
async function watchPolicy(page: Page): Promise<{ violations: Violation[]; console: string[] }> {
  const seen = { violations: [] as Violation[], console: [] as string[] };
  await page.exposeFunction('__reportCspViolation', (violation: Violation) => {
    seen.violations.push(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (v: unknown) => void })
        .__reportCspViolation;
      report({
        page: location.pathname,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      seen.console.push(message.text());
    }
  });
  return seen;
}

test.describe('in Chromium', () => {
  test.use({ account: null });

  test('sign-in, rooms, a room, the audit log, users and the API reference work with no CSP violation', async ({
    page,
    livekit,
  }) => {
    test.setTimeout(90_000);
    const seen = await watchPolicy(page);
    const room = await livekit.seedRoom(livekit.roomName('csp'), [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ]);

    // The login form is a client component: signing in proves its scripts ran.
    await page.goto('/login');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('admin-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // Password hashing is deliberately slow, and the fuzz spec may be loading the server.
    await expect(page).toHaveURL(/\/rooms$/, { timeout: 20_000 });

    // Client-side search and navigation need the app's scripts as well.
    await page.getByRole('searchbox', { name: 'Search rooms by name' }).fill(room);
    await page.getByRole('link', { name: room, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/rooms/${room}$`));
    await expect(new RoomPage(page).row('alice')).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('table', { name: /Audit events/ })).toBeVisible();
    await page.goto('/audit');
    await expect(page.getByRole('table', { name: /Audit events/ })).toBeVisible();

    await page.goto('/users');
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByRole('dialog', { name: 'Create user' })).toBeVisible();

    // Redoc: styled-components' <style> tags and its search worker (blob:) must be allowed.
    await page.goto('/api-reference');
    await expect(
      page.getByRole('heading', { name: 'Mute or unmute a published track' }).first(),
    ).toBeVisible({ timeout: 30_000 });

    await page.goto(`/rooms/${encodeURIComponent(livekit.roomName('gone'))}`);
    await expect(page.getByRole('heading', { name: 'Room not found' })).toBeVisible();
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to rooms' }).click();
    await expect(page).toHaveURL(/\/rooms$/);

    expect(seen.violations.filter((violation) => !intended(violation))).toEqual([]);
    expect(seen.console.filter((message) => !message.includes(REDOCLY_LOGO))).toEqual([]);
  });
});
