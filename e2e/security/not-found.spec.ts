import type { APIRequestContext } from '@playwright/test';

import { expect, test } from '../fixtures';

/**
 * Not-found pages answer HTTP 404 although pages stream: a missing room, another tenant's room,
 * and the admin pages for those who may not see them (masked as not found). Their content is the
 * not-found page, and the pages that exist still answer 200.
 */

async function expectStatus(
  request: APIRequestContext,
  path: string,
  status: number,
  heading?: string,
): Promise<void> {
  const res = await request.get(path, { maxRedirects: 0 });
  const html = await res.text();
  expect(res.status(), `${path}: ${html.slice(0, 200)}`).toBe(status);
  if (heading) expect(html, path).toContain(heading);
}

test.describe('admin', () => {
  test('a missing room is 404; an existing one and the admin pages are 200', async ({
    request,
    livekit,
  }) => {
    const room = await livekit.seedRoom(livekit.roomName('here'), [{ identity: 'alice' }]);
    await expectStatus(request, `/rooms/${encodeURIComponent(room)}`, 200);
    await expectStatus(
      request,
      `/rooms/${encodeURIComponent(livekit.roomName('missing'))}`,
      404,
      'Room not found',
    );
    await expectStatus(request, '/users', 200);
    await expectStatus(request, '/audit', 200);
    await expectStatus(request, '/no-such-page', 404, 'Page not found');
  });
});

test.describe('tenant user', () => {
  test.use({ account: 'acme' });

  test('another tenant’s room is 404, like a missing one; their own is 200', async ({
    request,
    livekit,
  }) => {
    const acme = await livekit.seedRoom(livekit.roomName('acme'), [{ identity: 'a' }], {
      metadata: '{"auth_id":"acme"}',
    });
    const globex = await livekit.seedRoom(livekit.roomName('globex'), [{ identity: 'g' }], {
      metadata: '{"auth_id":"globex"}',
    });
    await expectStatus(request, `/rooms/${encodeURIComponent(acme)}`, 200);
    await expectStatus(request, `/rooms/${encodeURIComponent(globex)}`, 404, 'Room not found');
  });
});

test.describe('moderator', () => {
  test.use({ account: 'moderator' });

  test('the users page is 404 (masked)', async ({ request }) => {
    await expectStatus(request, '/users', 404, 'Page not found');
  });
});

test.describe('viewer', () => {
  test.use({ account: 'viewer' });

  test('the users page and the audit log are 404 (masked)', async ({ request, page }) => {
    await expectStatus(request, '/users', 404, 'Page not found');
    await expectStatus(request, '/audit', 404, 'Page not found');
    // The browser shows the not-found page, not an error.
    await page.goto('/users');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});
