import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { RoomsPage } from '../pages/rooms-page';

test.describe('viewer', () => {
  test.use({ account: 'viewer' });

  test('sees no admin navigation and no moderation controls', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('viewer'), [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);
    await expect(room.row('alice')).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Rooms' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(room.participants.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);
    await expect(room.row('alice').getByRole('button')).toHaveCount(0);

    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});

test.describe('tenant user', () => {
  test.use({ account: 'acme' });

  test('sees only their tenant’s rooms and gets not found for another tenant’s room', async ({
    page,
    livekit,
    request,
  }) => {
    const acme = await livekit.seedRoom(livekit.roomName('acme'), [{ identity: 'a' }], {
      metadata: '{"auth_id":"acme"}',
    });
    const globex = await livekit.seedRoom(livekit.roomName('globex'), [{ identity: 'g' }], {
      metadata: '{"auth_id":"globex"}',
    });

    const rooms = new RoomsPage(page);
    await rooms.goto();
    await expect(page.getByLabel('Signed-in user')).toContainText('acme');
    await rooms.search.fill(livekit.roomName(''));
    await expect(rooms.row(acme)).toBeVisible();
    await expect(rooms.row(globex)).toHaveCount(0);

    await page.goto(`/rooms/${encodeURIComponent(globex)}`);
    await expect(page.getByRole('heading', { name: 'Room not found' })).toBeVisible();

    const res = await request.get(`/api/v1/rooms/${encodeURIComponent(globex)}`);
    expect(res.status()).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    const own = await request.get(`/api/v1/rooms/${encodeURIComponent(acme)}`);
    expect(own.status()).toBe(200);
  });
});
