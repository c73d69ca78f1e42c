import type { Page } from '@playwright/test';

import { expect, test } from '../fixtures';
import { chooseAction } from '../moderation/support';
import { RoomPage } from '../pages/room-page';
import { RoomsPage } from '../pages/rooms-page';

/** The live indicator of the page header (role="status", "Live" / "Reconnecting…"). */
const liveIndicator = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Live|Connecting…|Reconnecting…)$/ });

/**
 * Counts, inside the page, the fetches of one room's participants route from now on: counted where
 * they are made, so the count is complete as soon as the page's timers have run.
 */
async function countParticipantFetches(page: Page, roomName: string) {
  const path = `/api/v1/rooms/${encodeURIComponent(roomName)}/participants`;
  await page.evaluate((counted) => {
    const state = window as unknown as { participantFetches: number };
    state.participantFetches = 0;
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (new URL(url, location.href).pathname === counted) state.participantFetches += 1;
      return original(input, init);
    };
  }, path);
  return () =>
    page.evaluate(() => (window as unknown as { participantFetches: number }).participantFetches);
}

test.describe('live updates in the browser', () => {
  test('a participant who joins appears without reload, and nothing polls while live', async ({
    page,
    livekit,
  }) => {
    // The page's timers run on Playwright's clock: at real speed until the window below.
    await page.clock.install();
    const name = await livekit.seedRoom(livekit.roomName('join'), [{ identity: 'alice' }]);
    const room = new RoomPage(page);
    await room.goto(name);
    await expect(room.row('alice')).toBeVisible();
    await expect(liveIndicator(page)).toHaveText('Live');

    // The stream's first hello refetches what was loaded before it opened; count after that.
    await expect(room.row('bob')).toHaveCount(0);
    const participantFetches = await countParticipantFetches(page, name);
    await livekit.addParticipant(name, {
      identity: 'bob',
      tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
    });
    await expect(room.row('bob')).toBeVisible();

    await livekit.control.leave(name, 'alice');
    await expect(room.row('alice')).toHaveCount(0);

    // Three polling intervals (MODERATO_REFRESH_MS=1000 in e2e) of the page's time, run at once
    // (every timer due in them fires now): a page that polled would have fetched the participants.
    await page.clock.runFor(3_000);
    expect(await participantFetches()).toBe(0);
    await expect(liveIndicator(page)).toHaveText('Live');
  });

  test('a muted track changes its icon without reload', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('mute'), [
      { identity: 'carol', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);
    await expect(liveIndicator(page)).toHaveText('Live');
    const row = room.row('carol');
    await expect(row.getByText('Microphone', { exact: true })).toBeVisible();
    await expect(row.getByText('muted', { exact: true })).toHaveCount(0);

    const mic = await livekit.control.track(name, 'carol', 'MICROPHONE');
    await livekit.control.selfMute(name, 'carol', mic.sid, true);
    await expect(row.getByText('muted', { exact: true })).toBeVisible();
  });

  test('the room list gains a new room and loses a deleted one without reload', async ({
    page,
    livekit,
  }) => {
    const rooms = new RoomsPage(page);
    await rooms.goto();
    await expect(liveIndicator(page)).toHaveText('Live');
    const name = livekit.roomName('new');
    await expect(rooms.row(name)).toHaveCount(0);

    await livekit.createRoom({ name });
    await expect(rooms.row(name)).toBeVisible();

    await livekit.deleteRoom(name);
    await expect(rooms.row(name)).toHaveCount(0);
  });

  test('a room deleted while its page is open says it ended and disables every action', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('ends'), [{ identity: 'dave' }]);
    const room = new RoomPage(page);
    await room.goto(name);
    await expect(liveIndicator(page)).toHaveText('Live');

    // A dialog left open when the room ends says so and cannot send.
    await page.getByRole('button', { name: `Send message to ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();

    await livekit.deleteRoom(name);

    await expect(dialog.getByRole('alert')).toContainText(`${name} has ended`);
    await expect(dialog.getByRole('button', { name: 'Send message' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'This room has ended' })).toBeVisible();
    await expect(page.getByRole('button', { name: `Delete room ${name}` })).toBeDisabled();
    await expect(page.getByRole('button', { name: `Send message to ${name}` })).toBeDisabled();
    await expect(page.getByRole('button', { name: `Edit metadata of ${name}` })).toBeDisabled();
    await expect(room.participants).toHaveCount(0);
  });

  test('a participant who leaves while their dialog is open: the dialog says so', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('leaves'), [
      { identity: 'erin' },
      { identity: 'frank' },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);
    await expect(liveIndicator(page)).toHaveText('Live');

    await chooseAction(page, 'erin', `Remove erin from ${name}`);
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Remove erin' })).toBeEnabled();

    await livekit.control.leave(name, 'erin');

    await expect(dialog.getByRole('alert')).toContainText(`erin has left ${name}`);
    await expect(dialog.getByRole('button', { name: 'Remove erin' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    // Kept only while the dialog was open.
    await expect(room.row('erin')).toHaveCount(0);
    await expect(room.row('frank')).toBeVisible();
  });

  test('a participant who leaves while their side panel form is open: it cannot submit', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('sheet'), [{ identity: 'gina' }]);
    const room = new RoomPage(page);
    await room.goto(name, '?participant=gina');
    await expect(liveIndicator(page)).toHaveText('Live');
    const sheet = page.getByRole('dialog', { name: 'gina' });
    await expect(sheet).toBeVisible();
    await sheet.getByRole('button', { name: 'Actions for gina' }).click();
    await page.getByRole('menuitem', { name: 'Edit permissions of gina' }).click();
    const form = page.getByRole('dialog', { name: 'Permissions of gina' });
    const save = form.getByRole('button', { name: 'Save permissions' });
    await form.getByRole('checkbox').first().click();
    await expect(save).toBeEnabled();

    await livekit.control.leave(name, 'gina');

    await expect(form.getByRole('alert')).toContainText(`gina has left ${name}`);
    await expect(save).toBeDisabled();
    await expect(form.getByRole('button', { name: 'Move gina to audience' })).toBeDisabled();
  });
});
