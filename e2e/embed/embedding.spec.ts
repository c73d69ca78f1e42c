import {
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';

import { expect, test, uniqueSuffix, type LiveKitSeeder } from '../fixtures';
import { auditEvents, Standin } from '../moderation/support';
import { callOperation } from '../support/openapi';
import { E2E } from '../support/ports';

import { mintEmbedToken, PortalHost, type EmbedClaims, type PortalKey } from './portal-host';

/**
 * Embedding (docs/embedding.md) as a portal does it: a page on another site (`localhost`, while
 * Moderato is `127.0.0.1`) loads /embed.js, its backend signs embed tokens with the portal's
 * secret, and a moderator who never signed in to Moderato works inside the iframe — in a browser
 * that blocks third-party cookies. Every outcome is checked in the stand-in and the audit log.
 */
const BASE_URL = `http://127.0.0.1:${E2E.dashboardPort}`;
const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);
const ACME = '{"auth_id":"acme"}';
const MODERATOR: EmbedClaims = {
  sub: 'acme-mod-7',
  name: 'Acme Moderator',
  role: 'moderator',
  auth_id: 'acme',
  rooms: '*',
};

test.use({ account: 'admin', extraHTTPHeaders: { origin: BASE_URL } });

/** Creates a portal through the admin's REST API; answers its id and secret. */
async function newPortal(
  request: APIRequestContext,
  allowedOrigins: string[],
  options: { tenant?: string | null; maxRole?: 'viewer' | 'moderator' } = {},
): Promise<PortalKey> {
  const answer = await callOperation(request, 'createEmbedPortal', {
    name: `portal-${uniqueSuffix()}`,
    allowedOrigins,
    tenant: options.tenant === undefined ? 'acme' : options.tenant,
    maxRole: options.maxRole ?? 'moderator',
  });
  expect(answer.status, answer.text).toBe(201);
  const { portal, secret } = answer.body as { portal: { id: string }; secret: string };
  return { portalId: portal.id, secret };
}

/** Points `host`'s page at `roomName` embedded through a new portal that allows the host. */
async function embedRoom(
  request: APIRequestContext,
  host: PortalHost,
  roomName: string,
): Promise<void> {
  const key = await newPortal(request, [host.origin]);
  host.usePortal(key, `/embed/${key.portalId}/rooms/${encodeURIComponent(roomName)}`);
}

/** A room of tenant acme with alice and bob, both with a microphone. */
async function seedRoom(livekit: LiveKitSeeder, suffix: string): Promise<string> {
  return livekit.seedRoom(
    livekit.roomName(suffix),
    [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
      { identity: 'bob', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ],
    { metadata: ACME },
  );
}

/**
 * A signed-out browser, as a portal's user comes: no Moderato cookies, and none of the specs'
 * extra headers (the `origin` the admin's API calls send is not the browser's to set).
 */
function portalVisitor(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: {} });
}

/** A page that blocks third-party cookies (Chromium's own control). */
async function cookielessPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCookieControls', { enableThirdPartyCookieRestriction: true });
  return page;
}

const hostEvents = (page: Page) => page.getByRole('list', { name: 'Moderato events' });

test.describe('an embedded room', () => {
  let host: PortalHost | undefined;
  test.afterEach(async () => {
    await host?.stop();
    host = undefined;
  });

  test('a portal on another site embeds a room; its moderator mutes and removes inside the iframe, with third-party cookies blocked', async ({
    browser,
    request,
    livekit,
    loginAs,
  }) => {
    const roomName = await seedRoom(livekit, 'embed');
    host = new PortalHost({
      moderatoUrl: BASE_URL,
      claims: MODERATOR,
    });
    await host.start();
    await embedRoom(request, host, roomName);

    const context = await portalVisitor(browser);
    try {
      const page = await cookielessPage(context);
      await page.goto(host.origin);
      const frame = page.frameLocator('iframe[title="Moderato"]');
      const participants = frame.getByRole('table', { name: 'Participants' });
      await expect(participants.getByRole('cell', { name: 'alice', exact: true })).toBeVisible();
      await expect(hostEvents(page)).toContainText('ready');
      await expect(frame.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible();

      await frame.getByRole('button', { name: 'Actions for alice', exact: true }).click();
      await frame.getByRole('menuitem', { name: 'Mute microphone of alice' }).click();
      await expect(hostEvents(page)).toContainText(/action\.succeeded .*"operation":"muteTrack"/);
      await expect
        .poll(async () => (await standin.track(roomName, 'alice', 'MICROPHONE')).muted)
        .toBe(true);

      await frame.getByRole('button', { name: 'Actions for bob', exact: true }).click();
      await frame.getByRole('menuitem', { name: `Remove bob from ${roomName}` }).click();
      const confirm = frame.getByRole('alertdialog', { name: `Remove bob from ${roomName}?` });
      await confirm.getByRole('button', { name: 'Remove bob' }).click();
      await expect(hostEvents(page)).toContainText(
        /action\.succeeded .*"operation":"removeParticipant".*"identity":"bob"/,
      );
      await expect(participants.getByRole('cell', { name: 'bob', exact: true })).toHaveCount(0);
      expect(
        (await standin.rooms())
          .find((r) => r.room.name === roomName)
          ?.participants.map((p) => p.identity),
      ).toEqual(['alice']);

      // The iframe's height follows its content, and nothing set a cookie for Moderato.
      await expect(hostEvents(page)).toContainText(/height \{"height":\d+\}/);
      expect(await context.cookies(BASE_URL)).toEqual([]);
    } finally {
      await context.close();
    }

    // Audited as the token's subject, through the embed door.
    const audit = await auditEvents(BASE_URL, await loginAs('admin'), {
      roomName,
      source: 'embed',
    });
    expect(audit.map((e) => [e.action, e.outcome, e.actorName, e.role, e.tenant])).toEqual([
      ['participant.removed', 'success', 'acme-mod-7', 'moderator', 'acme'],
      ['track.muted', 'success', 'acme-mod-7', 'moderator', 'acme'],
    ]);
  });

  test('far down a tall room, a dialog opens where the host shows the frame, and Move explains it needs LiveKit Cloud', async ({
    browser,
    request,
    livekit,
  }) => {
    // Forty rows: the frame, sized to its content, is much taller than the host's window.
    const identities = Array.from({ length: 40 }, (_, i) => `p-${String(i).padStart(2, '0')}`);
    const roomName = await livekit.seedRoom(
      livekit.roomName('embed-tall'),
      identities.map((identity) => ({ identity })),
      { metadata: ACME },
    );
    // The status check asks the stand-in (self-hosted) what it supports.
    await expect
      .poll(async () => {
        const status = await (await request.get('/api/v1/livekit/status')).json();
        return status.capabilities.moveParticipant;
      })
      .toBe('unsupported');
    host = new PortalHost({ moderatoUrl: BASE_URL, claims: MODERATOR });
    await host.start();
    await embedRoom(request, host, roomName);

    const context = await portalVisitor(browser);
    try {
      const page = await context.newPage();
      await page.goto(host.origin);
      const frame = page.frameLocator('iframe[title="Moderato"]');
      const actions = frame.getByRole('button', { name: 'Actions for p-39', exact: true });
      await actions.click();
      const move = frame.getByRole('menuitem', { name: 'Move or forward p-39 to another room' });
      await expect(move).toBeDisabled();
      await expect(move).toContainText('needs LiveKit Cloud');
      await page.keyboard.press('Escape');

      // The click scrolled the host page down to the last row; the confirmation is on screen.
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      await actions.click();
      await frame.getByRole('menuitem', { name: `Remove p-39 from ${roomName}` }).click();
      const confirm = frame.getByRole('alertdialog', { name: `Remove p-39 from ${roomName}?` });
      const height = page.viewportSize()!.height;
      await expect
        .poll(async () => {
          const box = await confirm.boundingBox();
          return box !== null && box.y >= 0 && box.y + box.height <= height;
        })
        .toBe(true);
      await confirm.getByRole('button', { name: 'Remove p-39' }).click();
      await expect
        .poll(async () => (await standin.participant(roomName, 'p-39')) === undefined)
        .toBe(true);
    } finally {
      await context.close();
    }
  });
});

test.describe('embedded pages and framing', () => {
  let hosts: PortalHost[] = [];
  test.afterEach(async () => {
    await Promise.all(hosts.map((h) => h.stop()));
    hosts = [];
  });

  async function startHost(options: ConstructorParameters<typeof PortalHost>[0]) {
    const host = new PortalHost(options);
    await host.start();
    hosts.push(host);
    return host;
  }

  test('a page on an origin the portal does not allow cannot frame it, nor any dashboard page', async ({
    browser,
    request,
  }) => {
    const allowed = await startHost({ moderatoUrl: BASE_URL, claims: MODERATOR });
    const intruder = await startHost({ moderatoUrl: BASE_URL, claims: MODERATOR });
    const key = await newPortal(request, [allowed.origin]);
    intruder.usePortal(key, `/embed/${key.portalId}/rooms`);

    const context = await portalVisitor(browser);
    try {
      const page = await context.newPage();
      const framed = page.waitForResponse((r) => r.url().includes(`/embed/${key.portalId}/rooms`));
      await page.goto(intruder.origin);
      // Moderato answers with the portal's allow-list, and the browser refuses to show the page.
      expect((await framed).headers()['content-security-policy']).toContain(
        `frame-ancestors ${allowed.origin}`,
      );
      await expect
        .poll(() => page.frames().map((f) => f.url()))
        .toContain('chrome-error://chromewebdata/');
      await expect(hostEvents(page).getByRole('listitem')).toHaveCount(0);

      // The dashboard itself is never framed by another site.
      const dashboard = await request.get('/rooms');
      expect(dashboard.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(dashboard.headers()['x-frame-options']).toBe('SAMEORIGIN');
    } finally {
      await context.close();
    }
  });

  test('the room list shows the token’s tenant only, links to embedded rooms, and a viewer gets no controls', async ({
    browser,
    request,
    livekit,
  }) => {
    const acmeRoom = await seedRoom(livekit, 'acme-list');
    const globexRoom = await livekit.seedRoom(livekit.roomName('globex-list'), [], {
      metadata: '{"auth_id":"globex"}',
    });
    const host = await startHost({
      moderatoUrl: BASE_URL,
      claims: { ...MODERATOR, role: 'viewer' },
    });
    const key = await newPortal(request, [host.origin]);
    host.usePortal(key, `/embed/${key.portalId}/rooms`);

    const context = await portalVisitor(browser);
    try {
      const page = await cookielessPage(context);
      await page.goto(host.origin);
      const frame = page.frameLocator('iframe[title="Moderato"]');
      const rooms = frame.getByRole('table', { name: 'Active rooms' });
      await expect(rooms.getByRole('link', { name: acmeRoom })).toBeVisible();
      await expect(rooms.getByRole('link', { name: globexRoom })).toHaveCount(0);

      await rooms.getByRole('link', { name: acmeRoom }).click();
      const participants = frame.getByRole('table', { name: 'Participants' });
      await expect(participants.getByRole('cell', { name: 'alice', exact: true })).toBeVisible();
      await expect(
        frame.getByRole('button', { name: 'Actions for alice', exact: true }),
      ).toHaveCount(0);
      await frame.getByRole('link', { name: 'Rooms' }).click();
      await expect(rooms.getByRole('link', { name: acmeRoom })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('a refused token is reported to the host and shown in the iframe', async ({
    browser,
    request,
  }) => {
    const host = await startHost({
      moderatoUrl: BASE_URL,
      claims: MODERATOR,
      badToken: 'not-a-jwt',
    });
    const key = await newPortal(request, [host.origin]);
    host.usePortal(key, `/embed/${key.portalId}/rooms`);

    const context = await portalVisitor(browser);
    try {
      const page = await context.newPage();
      await page.goto(host.origin);
      const frame = page.frameLocator('iframe[title="Moderato"]');
      await expect(frame.getByRole('alert').filter({ hasText: 'Access refused' })).toContainText(
        'The embed token is not a JWT.',
      );
      await expect(hostEvents(page)).toContainText(/auth\.failed .*"code":"unauthenticated"/);
    } finally {
      await context.close();
    }
  });

  test('the host is asked for a fresh token before the session expires, and the iframe keeps working', async ({
    browser,
    request,
    livekit,
  }) => {
    const roomName = await seedRoom(livekit, 'refresh');
    // 63 s: the iframe asks for a new token 60 s before expiry, so after about 3 s.
    const host = await startHost({
      moderatoUrl: BASE_URL,
      claims: MODERATOR,
      ttlSeconds: 63,
    });
    await embedRoom(request, host, roomName);

    const context = await portalVisitor(browser);
    try {
      const page = await context.newPage();
      await page.goto(host.origin);
      const frame = page.frameLocator('iframe[title="Moderato"]');
      await expect(frame.getByRole('cell', { name: 'alice', exact: true })).toBeVisible();
      await expect(hostEvents(page)).toContainText('token.expiring', { timeout: 15_000 });
      await expect.poll(() => host.tokensIssued, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

      await frame.getByRole('button', { name: 'Actions for alice', exact: true }).click();
      await frame.getByRole('menuitem', { name: 'Mute microphone of alice' }).click();
      await expect(hostEvents(page)).toContainText(/action\.succeeded .*"operation":"muteTrack"/);
      expect((await standin.track(roomName, 'alice', 'MICROPHONE')).muted).toBe(true);
    } finally {
      await context.close();
    }
  });
});

test.describe('POST /api/embed/session', () => {
  /** The exchange as the iframe makes it: no cookies. */
  async function exchange(token: string) {
    const ctx = await playwrightRequest.newContext({
      baseURL: BASE_URL,
      storageState: { cookies: [], origins: [] },
    });
    try {
      const res = await ctx.post('/api/embed/session', { data: { token } });
      const text = await res.text();
      expect(text, 'no stack trace').not.toMatch(/\n\s+at /);
      return { status: res.status(), body: JSON.parse(text) as Record<string, unknown> };
    } finally {
      await ctx.dispose();
    }
  }

  const refusal = (message: RegExp) => ({
    status: 401,
    body: { error: { code: 'unauthenticated', message: expect.stringMatching(message) } },
  });

  test('a token works once; expired, tampered, too long-lived, over-privileged or unknown-portal tokens are refused', async ({
    request,
    loginAs,
  }) => {
    const key = await newPortal(request, ['https://portal.example.com']);
    const sub = `replayer-${uniqueSuffix()}`;
    const token = await mintEmbedToken(key, { ...MODERATOR, sub });
    const first = await exchange(token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      sessionToken: expect.any(String),
      actor: { name: 'Acme Moderator', role: 'moderator', tenant: 'acme', rooms: null },
    });
    expect(await exchange(token)).toEqual(refusal(/already used/));
    // Both exchanges are audited as sign-ins: the replay leaves a trace naming its portal.
    const admin = await loginAs('admin');
    expect(await auditEvents(BASE_URL, admin, { action: 'auth.signed_in', actor: sub })).toEqual([
      expect.objectContaining({
        outcome: 'success',
        source: 'embed',
        role: 'moderator',
        tenant: 'acme',
      }),
    ]);
    const refused = await auditEvents(BASE_URL, admin, {
      action: 'auth.sign_in_failed',
      source: 'embed',
      limit: '100',
    });
    expect(refused).toContainEqual(
      expect.objectContaining({
        outcome: 'denied',
        errorCode: 'unauthenticated',
        params: expect.objectContaining({
          provider: 'embed',
          portalId: key.portalId,
          reason: expect.stringMatching(/already used/),
        }),
      }),
    );

    const now = Math.floor(Date.now() / 1000);
    const expired = await mintEmbedToken(key, MODERATOR, { issuedAt: now - 400, ttlSeconds: 300 });
    expect(await exchange(expired)).toEqual(refusal(/expired/));

    const good = await mintEmbedToken(key, MODERATOR);
    const [header, payload, signature] = good.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        auth_id: 'globex',
      }),
    ).toString('base64url');
    expect(await exchange(`${header}.${forged}.${signature}`)).toEqual(refusal(/signature/));

    expect(await exchange(await mintEmbedToken(key, MODERATOR, { ttlSeconds: 3600 }))).toEqual(
      refusal(/at most 10 minutes/),
    );
    expect(await exchange(await mintEmbedToken(key, { ...MODERATOR, role: 'admin' }))).toEqual(
      refusal(/role/),
    );
    expect(await exchange(await mintEmbedToken(key, { ...MODERATOR, auth_id: 'globex' }))).toEqual(
      refusal(/only embed tenant/),
    );
    const other = { portalId: '00000000-0000-4000-8000-000000000000', secret: key.secret };
    expect(await exchange(await mintEmbedToken(other, MODERATOR))).toEqual(
      refusal(/Unknown or revoked portal/),
    );
    expect(await exchange('')).toMatchObject({ status: 400 });
  });

  test('a session works on /api/v1 within its rooms, and stops when the portal is revoked', async ({
    request,
    livekit,
  }) => {
    const roomName = await seedRoom(livekit, 'session');
    const elsewhere = await seedRoom(livekit, 'elsewhere');
    const key = await newPortal(request, ['https://portal.example.com']);
    const session = await exchange(await mintEmbedToken(key, { ...MODERATOR, rooms: [roomName] }));
    const ctx = await playwrightRequest.newContext({
      baseURL: BASE_URL,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { authorization: `Embed ${session.body.sessionToken as string}` },
    });
    try {
      const listed = await ctx.get('/api/v1/rooms');
      expect(listed.status()).toBe(200);
      const names = ((await listed.json()) as { rooms: { name: string }[] }).rooms.map(
        (r) => r.name,
      );
      expect(names).toEqual([roomName]);
      expect((await ctx.get(`/api/v1/rooms/${encodeURIComponent(elsewhere)}`)).status()).toBe(404);
      // Administration is not what an embed session is for, whatever its role — on either door.
      expect((await ctx.get('/api/v1/users')).status()).toBe(403);
      const deleted = await ctx.post('/api/embed/operations/deleteRoom', { data: { roomName } });
      expect(deleted.status()).toBe(403);
      expect((await standin.rooms()).some((r) => r.room.name === roomName)).toBe(true);
      expect((await ctx.post('/api/embed/operations/noSuchThing', { data: {} })).status()).toBe(
        404,
      );
      // The door runs the domain's checks: a room outside the token's rooms is not found.
      const removeElsewhere = await ctx.post('/api/embed/operations/removeParticipant', {
        data: { roomName: elsewhere, identity: 'alice' },
      });
      expect(removeElsewhere.status()).toBe(404);
      expect(await standin.participant(elsewhere, 'alice')).toBeDefined();

      const revoked = await callOperation(request, 'revokeEmbedPortal', { portalId: key.portalId });
      expect(revoked.status, revoked.text).toBeLessThan(300);
      const after = await ctx.get(`/api/v1/rooms/${encodeURIComponent(roomName)}`);
      expect(after.status()).toBe(401);
    } finally {
      await ctx.dispose();
    }
  });
});
