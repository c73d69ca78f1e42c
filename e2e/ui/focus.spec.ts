import { expect, test } from '../fixtures';
import { chooseAction } from '../moderation/support';
import { RoomPage } from '../pages/room-page';

/** Issue 9 §3: focus goes back where it came from, and Home/End move through the tables. */
test.describe('focus and keys', () => {
  test.use({ account: 'moderator' });

  test('a dialog opened from the ⋮ menu gives focus back to the ⋮ trigger', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('focus-menu'), [
      { identity: 'alice' },
      { identity: 'bob' },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);
    const trigger = room.row('alice').getByRole('button', { name: 'Actions for alice' });

    for (const [item, dialog] of [
      ['Edit permissions of alice', page.getByRole('dialog', { name: 'Permissions of alice' })],
      [
        `Remove alice from ${name}`,
        page.getByRole('alertdialog', { name: `Remove alice from ${name}?` }),
      ],
    ] as const) {
      await chooseAction(page, 'alice', item);
      await expect(dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(trigger).toBeFocused();
    }

    // And the next Tab goes on from there, not back to "Skip to content".
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).not.toBeFocused();
  });

  test('dialogs opened from the participant panel give focus back to the control', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('focus-panel'), [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE', muted: true }] },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);
    await room.row('alice').click();
    await expect(room.details).toBeVisible();

    // The panel's own ⋮ menu.
    const panelTrigger = room.details.getByRole('button', { name: 'Actions for alice' });
    await panelTrigger.click();
    await page.getByRole('menuitem', { name: 'Edit permissions of alice' }).click();
    const permissions = page.getByRole('dialog', { name: 'Permissions of alice' });
    await expect(permissions).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(permissions).toBeHidden();
    await expect(panelTrigger).toBeFocused();

    // A refused remote unmute opens a dialog from the panel's Unmute button.
    const unmute = room.details.getByRole('button', { name: 'Unmute microphone of alice' });
    await unmute.click();
    const refused = page.getByRole('alertdialog', { name: 'Remote unmute is turned off' });
    await expect(refused).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(refused).toBeHidden();
    await expect(unmute).toBeFocused();
    await expect(room.details).toBeVisible();
  });

  test('Home and End jump to the first and last participant row', async ({ page, livekit }) => {
    const identities = Array.from({ length: 60 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const name = await livekit.seedRoom(
      livekit.roomName('home-end'),
      identities.map((identity) => ({ identity })),
    );
    const room = new RoomPage(page);
    await room.goto(name);
    await room.participants
      .getByRole('columnheader', { name: 'Identity' })
      .getByRole('button')
      .click();

    await room.row('p00').focus();
    await page.keyboard.press('End');
    await expect(room.row('p59')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(room.row('p00')).toBeFocused();
  });
});
