import { expect, test } from '../fixtures';
import { RoomsPage } from '../pages/rooms-page';

const mic = { type: 'AUDIO', source: 'MICROPHONE' } as const;

test.describe('rooms list', () => {
  test('shows seeded rooms with participant and publisher counts', async ({ page, livekit }) => {
    const busy = await livekit.seedRoom(
      livekit.roomName('busy'),
      [
        { identity: 'alice', tracks: [mic] },
        { identity: 'bob', tracks: [mic] },
        { identity: 'carol' },
      ],
      { metadata: '{"topic":"weekly sync"}' },
    );
    const quiet = await livekit.seedRoom(livekit.roomName('quiet'), [{ identity: 'dave' }]);
    const state = await livekit.state();
    expect(state.rooms.find((r) => r.room.name === busy)?.participants).toHaveLength(3);

    const rooms = new RoomsPage(page);
    await rooms.goto();
    await rooms.search.fill(livekit.roomName(''));

    const busyCells = rooms.row(busy).getByRole('cell');
    await expect(busyCells.nth(1)).toHaveText('3');
    await expect(busyCells.nth(2)).toHaveText('2');
    await expect(rooms.row(busy)).toContainText('weekly sync');
    await expect(rooms.row(quiet).getByRole('cell').nth(1)).toHaveText('1');
    await expect(rooms.row(quiet).getByRole('cell').nth(2)).toHaveText('0');

    await rooms.row(busy).getByRole('link', { name: busy }).click();
    await expect(page).toHaveURL(`/rooms/${encodeURIComponent(busy)}`);
    await expect(page.getByRole('heading', { level: 1, name: busy })).toBeVisible();
  });

  test('search narrows the list by room name', async ({ page, livekit }) => {
    const alpha = await livekit.seedRoom(livekit.roomName('alpha'));
    const beta = await livekit.seedRoom(livekit.roomName('beta'));

    const rooms = new RoomsPage(page);
    await rooms.goto();
    await rooms.search.fill(alpha);
    await expect(rooms.row(alpha)).toBeVisible();
    await expect(rooms.row(beta)).toHaveCount(0);

    await rooms.search.fill(`${livekit.roomName('')}nothing-like-this`);
    await expect(page.getByText('No rooms match your search')).toBeVisible();
  });

  test('sorts by participant count from the column header', async ({ page, livekit }) => {
    const one = await livekit.seedRoom(livekit.roomName('one'), [{ identity: 'a' }]);
    const three = await livekit.seedRoom(livekit.roomName('three'), [
      { identity: 'a' },
      { identity: 'b' },
      { identity: 'c' },
    ]);
    const two = await livekit.seedRoom(livekit.roomName('two'), [
      { identity: 'a' },
      { identity: 'b' },
    ]);

    const rooms = new RoomsPage(page);
    await rooms.goto();
    await rooms.search.fill(livekit.roomName(''));
    await expect(rooms.table.getByRole('link')).toHaveCount(3);

    const header = rooms.columnHeader('Participants');
    await expect(header).toHaveAttribute('aria-sort', 'none');
    await rooms.sortBy('Participants');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => rooms.roomNames()).toEqual([three, two, one]);

    await rooms.sortBy('Participants');
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => rooms.roomNames()).toEqual([one, two, three]);
  });

  test('renders a bounded number of rows for a long list', async ({ page, livekit }) => {
    // Not 5,000 rooms here (bench/ui.ts measures that); enough to need virtualization.
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        livekit.createRoom({ name: livekit.roomName(`r${i}`) }),
      ),
    );
    const rooms = new RoomsPage(page);
    await rooms.goto();
    await rooms.search.fill(livekit.roomName(''));
    await expect(page.getByText(/^120( of \d+)? rooms$/)).toBeVisible();
    const rendered = await rooms.table.getByRole('row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    await expect(rooms.table).toHaveAttribute('aria-rowcount', '121');
  });
});
