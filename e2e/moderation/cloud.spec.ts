import { expect, LiveKitSeeder, test, uniqueSuffix } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

import { chooseAction, Standin } from './support';

// A dashboard whose LiveKit behaves like LiveKit Cloud: Move and Forward really happen.
const standin = new Standin(`http://127.0.0.1:${E2E.cloudLivekitPort}`);

test.describe('move and forward on LiveKit Cloud', () => {
  test.use({ account: 'moderator', baseURL: `http://127.0.0.1:${E2E.cloudDashboardPort}` });

  let cloud: LiveKitSeeder;
  test.beforeEach(() => {
    cloud = new LiveKitSeeder(standin.url, `cloud-${uniqueSuffix()}`);
  });
  test.afterEach(async () => {
    await cloud.cleanup();
  });

  test('moves a participant to another room picked by search', async ({ page }) => {
    const from = await cloud.seedRoom(cloud.roomName('from'), [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ]);
    const to = await cloud.seedRoom(cloud.roomName('to'), [{ identity: 'host' }]);
    const room = new RoomPage(page);
    await room.goto(from);

    await chooseAction(page, 'alice', 'Move or forward alice to another room');
    const dialog = page.getByRole('dialog', { name: 'Move or forward alice' });
    await dialog.getByRole('searchbox', { name: 'Search destination rooms' }).fill('-to');
    await dialog.getByRole('radio', { name: new RegExp(to) }).check();
    await dialog.getByRole('button', { name: 'Move alice' }).click();
    await expect(page.getByText(`Moved alice to ${to}.`)).toBeVisible();

    await expect(room.row('alice')).toHaveCount(0);
    expect(await standin.participant(from, 'alice')).toBeUndefined();
    const moved = await standin.participant(to, 'alice');
    expect(moved?.tracks.map((t) => t.source)).toEqual(['MICROPHONE']);
    expect(await standin.received(from, 'alice')).toContainEqual(
      expect.objectContaining({ type: 'moved', destinationRoom: to }),
    );
  });

  test('forwards a participant: they stay, and a copy joins the destination', async ({ page }) => {
    const from = await cloud.seedRoom(cloud.roomName('stage'), [
      { identity: 'speaker', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ]);
    const to = await cloud.seedRoom(cloud.roomName('overflow'), [{ identity: 'viewer-1' }]);
    const room = new RoomPage(page);
    await room.goto(from);

    await chooseAction(page, 'speaker', 'Move or forward speaker to another room');
    const dialog = page.getByRole('dialog', { name: 'Move or forward speaker' });
    await dialog.getByRole('radio', { name: /^Forward/ }).check();
    await dialog.getByRole('searchbox', { name: 'Search destination rooms' }).fill(to);
    await dialog.getByRole('radio', { name: new RegExp(to) }).check();
    await dialog.getByRole('button', { name: 'Forward speaker' }).click();
    await expect(page.getByText(`Forwarded speaker to ${to}.`)).toBeVisible();

    expect(await standin.participant(from, 'speaker')).toBeDefined();
    const copy = await standin.participant(to, 'speaker');
    expect(copy?.kind_details).toContain('FORWARDED');
    await expect(room.row('speaker')).toBeVisible();
  });
});
