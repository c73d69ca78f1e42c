import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

import { Standin } from './support';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);
const mic = { type: 'AUDIO', source: 'MICROPHONE' } as const;
const camera = { type: 'VIDEO', source: 'CAMERA' } as const;

test.describe('bulk actions', () => {
  test.use({ account: 'moderator' });

  test('mutes the microphones of a shift-click range and reports the result', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('bulk-mute'), [
      { identity: 'p1', tracks: [mic, camera] },
      { identity: 'p2', tracks: [mic] },
      { identity: 'p3', tracks: [mic] },
      { identity: 'p4', tracks: [mic] },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);
    // Sorted by identity, so the range p1…p3 is what the moderator sees.
    await page.getByRole('columnheader', { name: 'Identity' }).click();

    const table = page.getByRole('table', { name: 'Participants' });
    await table.getByRole('checkbox', { name: 'Select p1' }).click();
    await table.getByRole('checkbox', { name: 'Select p3' }).click({ modifiers: ['Shift'] });
    await expect(table.getByRole('checkbox', { name: 'Select p2' })).toBeChecked();
    await expect(table.getByRole('checkbox', { name: 'Select p4' })).not.toBeChecked();
    await expect(page.getByText('3 selected')).toBeVisible();
    // Ticking a box does not open the participant's panel.
    await expect(page.getByRole('dialog')).toBeHidden();

    await page.getByRole('button', { name: 'Act on selection' }).click();
    await page.getByRole('menuitem', { name: 'Mute microphones' }).click();
    const dialog = page.getByRole('dialog', { name: /Mute microphones — 3 selected/ });
    await dialog.getByRole('button', { name: 'Mute microphones' }).click();

    const done = page.getByRole('dialog', { name: 'Mute microphones: done' });
    await expect(done.getByRole('status')).toHaveText('3 of 3 succeeded.');
    for (const identity of ['p1', 'p2', 'p3']) {
      expect((await standin.track(name, identity, 'MICROPHONE')).muted).toBe(true);
    }
    expect((await standin.track(name, 'p4', 'MICROPHONE')).muted).toBe(false);
    expect((await standin.track(name, 'p1', 'CAMERA')).muted).toBe(false);
    await done.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText('Nothing selected', { exact: false })).toBeVisible();
  });

  test('removes everyone but the room’s agent, after a confirmation', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('bulk-remove'), [
      { identity: 'ann' },
      { identity: 'ben' },
      { identity: 'helper-bot', kind: 'AGENT' },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await page.getByRole('button', { name: 'Act on everyone' }).click();
    await page.getByRole('menuitem', { name: 'Remove…' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`Remove — everyone in ${name}`) });
    await expect(dialog).toContainText('1 of them is in the room');
    await dialog.getByRole('button', { name: 'Remove' }).click();

    const done = page.getByRole('dialog', { name: 'Remove: done' });
    await expect(done.getByRole('status')).toHaveText('2 of 2 succeeded; 1 left out.');
    await done.getByText('Left out (1)').click();
    await expect(done.getByRole('list', { name: 'Left out' })).toContainText('helper-bot — agent');
    const left = (await standin.room(name))?.participants.map((p) => p.identity);
    expect(left).toEqual(['helper-bot']);
  });

  test('applies a permission preset and shows it as a badge', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('bulk-preset'), [
      { identity: 'viv', tracks: [mic] },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await page.getByRole('button', { name: 'Act on everyone' }).click();
    await page.getByRole('menuitem', { name: 'Apply permission preset' }).click();
    await page.getByRole('menuitem', { name: /Audience/ }).click();
    await page
      .getByRole('dialog', { name: /Make Audience/ })
      .getByRole('button', { name: 'Make Audience' })
      .click();
    await expect(
      page.getByRole('dialog', { name: 'Make Audience: done' }).getByRole('status'),
    ).toHaveText('1 of 1 succeeded.');
    const viv = await standin.participant(name, 'viv');
    expect(viv?.permission).toMatchObject({ can_publish: false, can_subscribe: true });
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(room.row('viv')).toContainText('Audience');
  });

  test.describe('as an admin', () => {
    test.use({ account: 'admin' });

    test('ends the room for everyone from the same menu, after a confirmation', async ({
      page,
      livekit,
    }) => {
      const name = await livekit.seedRoom(livekit.roomName('bulk-end'), [
        { identity: 'e1', tracks: [mic] },
        { identity: 'e2' },
      ]);
      const room = new RoomPage(page);
      await room.goto(name);
      await page.getByRole('checkbox', { name: 'Select e1' }).check();
      await page.getByRole('button', { name: 'Act on selection' }).click();
      // Ending the room is not an action on a selection.
      await expect(page.getByRole('menuitem', { name: /End the room/ })).toHaveCount(0);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Clear selection' }).click();

      await page.getByRole('button', { name: 'Act on everyone' }).click();
      await page.getByRole('menuitem', { name: 'End the room for everyone…' }).click();
      const confirm = page.getByRole('alertdialog', { name: `Delete room ${name}?` });
      await expect(confirm).toContainText('disconnects the 2 people');
      await confirm.getByRole('button', { name: `Delete ${name}` }).click();
      await expect.poll(() => standin.room(name)).toBeUndefined();
      // Back on the rooms list — or, when the live stream told the page first, on its notice.
      await expect(
        page
          .getByRole('heading', { name: 'Rooms', exact: true })
          .or(page.getByText('This room has ended')),
      ).toBeVisible();
    });
  });
});
