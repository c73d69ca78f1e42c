import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { RoomsPage } from '../pages/rooms-page';

/**
 * Issue 9 §7: LiveKit's `num_participants` leaves agents and recorders out (docs/livekit-behaviour.md
 * §3.2) while the room page lists them; wherever the two can differ, the page says why.
 */
test('the count explains the agents and recorders LiveKit leaves out', async ({
  page,
  livekit,
}) => {
  const name = await livekit.seedRoom(livekit.roomName('counts'), [
    { identity: 'alice' },
    { identity: 'ghost', permission: { hidden: true } },
    { identity: 'recorder-1', kind: 'EGRESS' },
    { identity: 'notes-bot', kind: 'AGENT' },
  ]);
  // What the server reports: the hidden participant counted, the recorder and the agent not.
  const reported = (await livekit.state()).rooms.find((r) => r.room.name === name);
  expect(reported?.room.num_participants).toBe(2);
  expect(reported?.participants).toHaveLength(4);

  const room = new RoomPage(page);
  await room.goto(name);
  await expect(room.participants.getByRole('row')).toHaveCount(5);
  const count = room.fact('Participants');
  await expect(count).toContainText('2 (+1 agent, 1 recorder)');
  await expect(count).toContainText(
    'LiveKit does not count agents or recorders; the list below shows them.',
  );

  // The list has no rows to compare with, so it says when a recorder is left out of the count.
  const rooms = new RoomsPage(page);
  await page.goto(`/rooms?q=${encodeURIComponent(name)}`);
  const cell = rooms.row(name).getByRole('cell').nth(1);
  await expect(cell).toHaveText('2 + recorder, not counted');
});

test('a room everyone in is counted needs no explanation', async ({ page, livekit }) => {
  const name = await livekit.seedRoom(livekit.roomName('plain'), [
    { identity: 'alice' },
    { identity: 'bob' },
  ]);
  const room = new RoomPage(page);
  await room.goto(name);
  await expect(room.participants.getByRole('row')).toHaveCount(3);
  await expect(room.fact('Participants')).toHaveText('2');

  const rooms = new RoomsPage(page);
  await page.goto(`/rooms?q=${encodeURIComponent(name)}`);
  await expect(rooms.row(name).getByRole('cell').nth(1)).toHaveText('2');
});
