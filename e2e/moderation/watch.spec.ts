import { expect, test } from '../fixtures';
import { E2E } from '../support/ports';

import { auditEvents, Standin } from './support';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

test.describe('silent watch view', () => {
  test.use({ account: 'moderator' });

  test('says the stand-in serves no media, and moderation still works beside it', async ({
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

    // The stand-in has no WebRTC: the page explains instead of failing.
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'No video from this LiveKit server' });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    await expect(notice).toContainText('You can still moderate everyone');

    // The watch token was a hidden, subscribe-only one, issued to this moderator and audited.
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

    // "Try again" asks for a new token and tries once more.
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'No video from this LiveKit server' }),
    ).toBeVisible({ timeout: 20_000 });
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

    test('offers no watch view: watching is joining', async ({ page, livekit }) => {
      const name = await livekit.seedRoom(livekit.roomName('noview'), []);
      await page.goto(`/rooms/${encodeURIComponent(name)}`);
      await expect(page.getByRole('heading', { name })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Watch' })).toHaveCount(0);
      const res = await page.goto(`/rooms/${encodeURIComponent(name)}/watch`);
      expect(res?.status()).toBe(404);
    });
  });
});
