import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';

/** A phone held upright: the room page must not run off its right edge. */
test.describe('room page on a narrow screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('wraps the header actions and keeps track chips inside their cell', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('narrow'), [
      {
        identity: 'alice',
        tracks: [{ type: 'VIDEO', source: 'CAMERA', simulcast: true }],
      },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);
    await expect(room.row('alice')).toBeVisible();

    // The page itself never scrolls sideways (the participants table may, inside its own box).
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    const width = page.viewportSize()!.width;
    for (const action of [
      `Lock room ${name}`,
      `Suspend activity in ${name}`,
      `Delete room ${name}`,
    ]) {
      const box = (await page.getByRole('button', { name: action, exact: true }).boundingBox())!;
      expect(box.x, action).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, action).toBeLessThanOrEqual(width);
    }

    const chip = room.row('alice').getByRole('listitem').filter({ hasText: 'Camera' });
    const overflow = await chip.evaluate((item) => {
      const cell = item.closest('[role="cell"]')!.getBoundingClientRect();
      return item.firstElementChild!.getBoundingClientRect().right - cell.right;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
