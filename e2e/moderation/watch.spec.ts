import { expect, test } from '../fixtures';
import { E2E } from '../support/ports';

import { auditEvents, Standin } from './support';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

test.describe('silent watch view', () => {
  test.use({ account: 'moderator' });

  test('joins hidden and subscribe-only: a tile per participant, moderation beside it', async ({
    page,
    livekit,
    baseURL,
    loginAs,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('watch'), [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ]);
    await page.goto(`/rooms/${encodeURIComponent(name)}`);
    await page.getByRole('link', { name: 'Watch' }).click();
    await expect(page).toHaveURL(new RegExp(`/rooms/${encodeURIComponent(name)}/watch$`));
    await expect(page.getByRole('heading', { name: `Watching ${name}` })).toBeVisible();

    // The stand-in takes real clients: the page connects and shows alice (a placeholder: a
    // simulated participant has no camera), never a tile for the watcher itself.
    const video = page.getByRole('region', { name: 'Room video' });
    await expect(video.getByText('Nobody is speaking')).toBeVisible({ timeout: 20_000 });
    const grid = video.getByLabel('Participants’ video');
    await expect(grid.getByText('alice', { exact: true })).toBeVisible();
    await expect(grid.getByText(/#popout/)).toHaveCount(0);

    // In LiveKit the watcher is a hidden participant that may publish nothing.
    const room = await standin.room(name);
    const watcher = room?.participants.find((p) => p.identity.endsWith('#popout'));
    expect(watcher).toMatchObject({
      identity: expect.stringMatching(/^moderato:.+#popout$/),
      state: 'ACTIVE',
      permission: expect.objectContaining({
        hidden: true,
        can_subscribe: true,
        can_publish: false,
        can_publish_data: false,
      }),
    });

    // The watch token was issued to this moderator and audited.
    const issued = await auditEvents(baseURL!, await loginAs('admin'), {
      action: 'room.popout_token_issued',
      roomName: name,
    });
    expect(issued).toEqual([
      expect.objectContaining({
        outcome: 'success',
        actorName: 'moderator',
        params: { identity: expect.stringMatching(/^moderato:.+#popout$/) },
      }),
    ]);

    // The participants beside it are live and moderatable.
    const participants = page.getByRole('region', { name: 'Participants and moderation' });
    await participants.getByRole('button', { name: 'Actions for alice' }).click();
    await page.getByRole('menuitem', { name: 'Mute microphone of alice' }).click();
    await expect(page.getByText('Muted microphone of alice.')).toBeVisible();
    expect((await standin.track(name, 'alice', 'MICROPHONE')).muted).toBe(true);
  });

  test('explains a failed media connection, and "Try again" connects anew', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('nomedia'), [{ identity: 'bob' }]);
    // The browser cannot reach LiveKit's signal socket (a firewall, a wrong public URL) until
    // the route lets it through.
    let reachable = false;
    await page.routeWebSocket(/\/rtc/, (ws) => {
      if (reachable) ws.connectToServer();
      else ws.close();
    });
    await page.goto(`/rooms/${encodeURIComponent(name)}/watch`);
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'No video from this LiveKit server' });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    await expect(notice).toContainText('You can still moderate everyone');

    reachable = true;
    await notice.getByRole('button', { name: 'Try again' }).click();
    const video = page.getByRole('region', { name: 'Room video' });
    await expect(
      video.getByLabel('Participants’ video').getByText('bob', { exact: true }),
    ).toBeVisible({
      timeout: 20_000,
    });
    await expect(notice).toHaveCount(0);
  });

  test('lets only the watch page connect to LiveKit', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('csp'), []);
    const livekitOrigin = `127.0.0.1:${E2E.livekitPort}`;
    const watch = await page.request.get(`/rooms/${encodeURIComponent(name)}/watch`);
    expect(watch.headers()['content-security-policy']).toContain(
      `connect-src 'self' ws://${livekitOrigin} http://${livekitOrigin};`,
    );
    const roomPage = await page.request.get(`/rooms/${encodeURIComponent(name)}`);
    expect(roomPage.headers()['content-security-policy']).toContain("connect-src 'self';");
  });

  test.describe('as a viewer', () => {
    test.use({ account: 'viewer' });

    test('offers no watch view: watching is joining, and the page says so', async ({
      page,
      livekit,
    }) => {
      const name = await livekit.seedRoom(livekit.roomName('noview'), [{ identity: 'alice' }]);
      await page.goto(`/rooms/${encodeURIComponent(name)}`);
      await expect(page.getByRole('heading', { name })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Watch' })).toHaveCount(0);

      // Typed by hand: told why, not that a room they can see is gone, and nobody joins.
      await page.goto(`/rooms/${encodeURIComponent(name)}/watch`);
      await expect(page.getByRole('heading', { name: 'Watching needs a moderator' })).toBeVisible();
      await page.getByRole('link', { name: 'the room page' }).click();
      await expect(page.getByRole('heading', { name })).toBeVisible();
      expect((await standin.room(name))?.participants.map((p) => p.identity)).toEqual(['alice']);

      await page.goto('/rooms/no-such-room-here/watch');
      await expect(page.getByRole('heading', { name: 'Room not found' })).toBeVisible();
    });
  });
});
