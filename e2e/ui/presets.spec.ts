import { expect, test, uniqueSuffix } from '../fixtures';
import { Standin } from '../moderation/support';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

test.describe('admin-defined permission presets', () => {
  test.use({ account: 'admin' });

  test('an admin defines one; it applies like a built-in one, badge included, and is deleted', async ({
    page,
    livekit,
  }) => {
    const label = `Panelist ${uniqueSuffix()}`;
    await page.goto('/presets');
    await expect(page.getByRole('heading', { name: 'Permission presets' })).toBeVisible();
    // Built-in presets are listed and cannot be deleted.
    const speaker = page.getByRole('row', { name: /Speaker/ });
    await expect(speaker).toContainText('Built in');
    await expect(speaker.getByRole('button', { name: /Delete/ })).toHaveCount(0);

    await page.getByRole('button', { name: 'New preset' }).click();
    const dialog = page.getByRole('dialog', { name: 'New permission preset' });
    await dialog.getByLabel('Name').fill(label);
    const key = await dialog.getByLabel('Key').inputValue();
    expect(key).toMatch(/^panelist-/);
    await dialog.getByLabel(/Can publish data/).uncheck();
    await dialog.getByRole('button', { name: 'Create preset' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: new RegExp(label) });
    await expect(row).toContainText('Publish (microphone) · Subscribe');
    await expect(row).toContainText('Everyone');

    // A taken key is refused on the field.
    await page.getByRole('button', { name: 'New preset' }).click();
    await dialog.getByLabel('Name').fill('Other');
    await dialog.getByLabel('Key').fill(key);
    await dialog.getByRole('button', { name: 'Create preset' }).click();
    await expect(dialog.getByText('This key is taken')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const name = await livekit.seedRoom(livekit.roomName('custom-preset'), [
      {
        identity: 'pam',
        tracks: [
          { type: 'AUDIO', source: 'MICROPHONE' },
          { type: 'VIDEO', source: 'CAMERA' },
        ],
      },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);
    await page.getByRole('button', { name: 'Act on everyone' }).click();
    await page.getByRole('menuitem', { name: 'Apply permission preset' }).click();
    await page.getByRole('menuitem', { name: new RegExp(label) }).click();
    await page
      .getByRole('dialog', { name: new RegExp(`Make ${label}`) })
      .getByRole('button', { name: `Make ${label}` })
      .click();
    await expect(
      page.getByRole('dialog', { name: `Make ${label}: done` }).getByRole('status'),
    ).toHaveText('1 of 1 succeeded.');
    const pam = await standin.participant(name, 'pam');
    expect(pam?.permission).toMatchObject({
      can_publish: true,
      can_publish_data: false,
      can_publish_sources: ['MICROPHONE'],
    });
    // The camera is not allowed any more: LiveKit unpublished it.
    expect(pam?.tracks.map((t) => t.source)).toEqual(['MICROPHONE']);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(room.row('pam')).toContainText(label);

    await page.goto('/presets');
    await page.getByRole('button', { name: `Delete preset ${label}` }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: `Delete ${label}` })
      .click();
    await expect(page.getByRole('row', { name: new RegExp(label) })).toHaveCount(0);
  });

  test.describe('as a moderator', () => {
    test.use({ account: 'moderator' });

    test('has no presets page', async ({ page }) => {
      await page.goto('/rooms');
      await expect(page.getByRole('link', { name: 'Presets' })).toHaveCount(0);
      expect((await page.goto('/presets'))?.status()).toBe(404);
    });
  });
});
