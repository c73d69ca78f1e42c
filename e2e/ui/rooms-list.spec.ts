import { expect, test } from '../fixtures';
import { chooseAction } from '../moderation/support';
import { RoomPage } from '../pages/room-page';
import { RoomsPage } from '../pages/rooms-page';

/** Issue 9 §7: reading the tables. */
test.describe('rooms list', () => {
  test.use({ account: 'admin' });

  test('shows the title from JSON metadata instead of the raw JSON', async ({ page, livekit }) => {
    const titled = await livekit.seedRoom(livekit.roomName('titled'), [], {
      metadata: '{"title":"Weekly retro","slides":3}',
    });
    const named = await livekit.seedRoom(livekit.roomName('named'), [], {
      metadata: '{"name":"Town hall"}',
    });
    const plain = await livekit.seedRoom(livekit.roomName('plain'), [], {
      metadata: '{"topic":"other"}',
    });
    const rooms = new RoomsPage(page);
    await rooms.goto();
    await rooms.search.fill(livekit.roomName(''));

    await expect(rooms.row(titled)).toContainText('Weekly retro');
    await expect(rooms.row(titled)).not.toContainText('"title"');
    await expect(rooms.row(named)).toContainText('Town hall');
    await expect(rooms.row(plain)).toContainText('{"topic":"other"}');
  });

  test('keeps search and sort in the URL: reload, a shared link and Back show the same list', async ({
    page,
    livekit,
  }) => {
    const small = await livekit.seedRoom(livekit.roomName('small'), [{ identity: 'a' }]);
    const big = await livekit.seedRoom(livekit.roomName('big'), [
      { identity: 'a' },
      { identity: 'b' },
      { identity: 'c' },
    ]);
    const rooms = new RoomsPage(page);
    await rooms.goto();

    await rooms.search.fill(livekit.roomName(''));
    await expect(page).toHaveURL(/[?&]q=/);
    await rooms.sortBy('Participants');
    await expect(page).toHaveURL(/[?&]sort=participants\.desc/);
    await expect.poll(() => rooms.roomNames()).toEqual([big, small]);

    await page.reload();
    await expect(rooms.search).toHaveValue(livekit.roomName(''));
    await expect(rooms.columnHeader('Participants')).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => rooms.roomNames()).toEqual([big, small]);

    // Back undoes the sort, then leaving for a room and coming back keeps the search.
    await page.goBack();
    await expect(page).not.toHaveURL(/sort=/);
    await expect(rooms.columnHeader('Participants')).toHaveAttribute('aria-sort', 'none');
    await rooms.table.getByRole('link', { name: small, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: small })).toBeVisible();
    await page.goBack();
    await expect(rooms.search).toHaveValue(livekit.roomName(''));
    await expect.poll(async () => (await rooms.roomNames()).sort()).toEqual([big, small].sort());
  });

  test('toasts keep clear of the row actions and cut long identities short', async ({
    page,
    livekit,
  }) => {
    const identity = `guest-${'x'.repeat(200)}`;
    // Enough rows that the table reaches the bottom of the window, where toasts appear.
    const others = Array.from({ length: 24 }, (_, i) => ({ identity: `p${i + 10}` }));
    const name = await livekit.seedRoom(livekit.roomName('toast'), [{ identity }, ...others]);
    const room = new RoomPage(page);
    await room.goto(name);

    await chooseAction(page, identity, `Remove ${identity} from ${name}`);
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: `Remove ${identity}` })
      .click();
    const toast = page
      .getByRole('region', { name: /Notifications/ })
      .locator('[data-sonner-toast]')
      .filter({ hasText: 'Removed guest-' });
    await expect(toast).toBeVisible();

    const toastBox = (await toast.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(toastBox.width).toBeLessThanOrEqual(viewport.width);
    expect(toastBox.height).toBeLessThan(160);
    const triggers = await room.participants
      .getByRole('button', { name: /^Actions for / })
      .evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
    const inView = triggers.filter((t) => t.y >= 0 && t.y + t.height <= viewport.height);
    expect(inView.some((t) => t.y > toastBox.y - 100)).toBe(true);
    const covered = inView.filter(
      (t) =>
        toastBox.x < t.x + t.width &&
        t.x < toastBox.x + toastBox.width &&
        toastBox.y < t.y + t.height &&
        t.y < toastBox.y + toastBox.height,
    );
    expect(covered).toEqual([]);
    // Nothing sticks out of the toast: the identity wraps and is cut, not overflowing.
    expect(await toast.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  });
});
