import { BAN_NOTICE_TOPIC } from '@/lib/contracts/bans';

import { expect, test, uniqueSuffix } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

import { seriousViolations } from '../support/axe';

import { auditEvents, chooseAction, decodePayload, Standin } from './support';

// Two axe scans (seconds each on a busy 2-core machine) besides the flow itself.
test.describe.configure({ timeout: 60_000 });

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

test.describe('bans', () => {
  test.use({ account: 'moderator' });

  test('a ban from the UI removes, holds against a rejoin, is listed and can be lifted', async ({
    page,
    livekit,
    baseURL,
    loginAs,
  }) => {
    const identity = `mallory-${uniqueSuffix()}`;
    const name = await livekit.seedRoom(livekit.roomName('ban'), [
      { identity: 'alice' },
      { identity, name: 'Mallory' },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    // "Remove" and "Remove and ban" are two items; this is the second.
    await chooseAction(page, identity, `Remove and ban ${identity}`);
    const dialog = page.getByRole('dialog', { name: `Remove and ban ${identity}` });
    await expect(dialog.getByRole('textbox', { name: 'Reason' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing is sent without a reason: the participant is told it.
    await dialog.getByRole('button', { name: `Remove and ban ${identity}` }).click();
    await expect(dialog).toContainText('Say why: the participant is told');
    expect(await standin.participant(name, identity)).toBeDefined();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Spamming the chat');
    await dialog.getByRole('combobox', { name: 'Duration' }).selectOption({ label: '1 day' });
    await dialog.getByRole('button', { name: `Remove and ban ${identity}` }).click();
    await expect(page.getByText(`Removed and banned ${identity} from ${name}.`)).toBeVisible();
    await expect(room.row(identity)).toHaveCount(0);
    expect(await standin.participant(name, identity)).toBeUndefined();

    // Told why first, then removed.
    const log = await standin.received(name, identity);
    const notice = log.findIndex((e) => e.type === 'data' && e.topic === BAN_NOTICE_TOPIC);
    expect(JSON.parse(decodePayload(log[notice]!))).toMatchObject({
      type: 'banned',
      reason: 'Spamming the chat',
    });
    expect(log.findIndex((e) => e.type === 'leave')).toBeGreaterThan(notice);

    // They rejoin with the same token's identity: the join webhook gets them removed again.
    await livekit.addParticipant(name, { identity, name: 'Mallory' });
    await expect
      .poll(async () => (await standin.received(name, identity)).filter((e) => e.type === 'leave'))
      .toHaveLength(2);
    expect(await standin.participant(name, identity)).toBeUndefined();
    const admin = await loginAs('admin');
    await expect
      .poll(async () =>
        auditEvents(baseURL!, admin, { action: 'participant.ban_enforced', roomName: name }),
      )
      .toEqual([expect.objectContaining({ identity, outcome: 'success', source: 'system' })]);

    // The Bans page lists it; unbanning asks first.
    await page.getByRole('navigation').getByRole('link', { name: 'Bans' }).click();
    await expect(page.getByRole('heading', { name: 'Bans' })).toBeVisible();
    const row = page
      .getByRole('table', { name: 'Bans' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: identity }) });
    await expect(row).toContainText('Spamming the chat');
    await expect(row).toContainText(name);
    await expect(row).toContainText('moderator');
    await expect(row).toContainText('Active');
    // The page itself, once the ban's toast (still fading in or out, mid-animation colours) is gone.
    await expect(page.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);
    // By keyboard: Enter opens the confirmation, Escape backs out of it, nothing is lifted.
    await row.getByRole('button', { name: `Unban ${identity}` }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: `Unban ${identity}?` });
    await expect(confirm).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(row.getByRole('button', { name: `Unban ${identity}` })).toBeFocused();
    await expect(row).toContainText('Active');
    await row.getByRole('button', { name: `Unban ${identity}` }).click();
    await confirm.getByRole('button', { name: `Unban ${identity}` }).click();
    await expect(
      page.getByText(`Lifted the ban of ${identity}: they may join again.`),
    ).toBeVisible();
    await expect(row).toContainText('Lifted');
    await expect(row.getByRole('button', { name: `Unban ${identity}` })).toHaveCount(0);

    // Lifted: a rejoin stays (shown live on the room page, where its join arrived by webhook).
    await livekit.addParticipant(name, { identity, name: 'Mallory' });
    await room.goto(name);
    await expect(room.row(identity)).toBeVisible();
    expect(await standin.participant(name, identity)).toBeDefined();
    expect(
      await auditEvents(baseURL!, admin, { action: 'participant.ban_enforced', roomName: name }),
    ).toHaveLength(1);
  });
});

test.describe('a viewer', () => {
  test.use({ account: 'viewer' });

  test('has no Bans page and no nav link to it', async ({ page }) => {
    await page.goto('/rooms');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Rooms' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Bans' })).toHaveCount(0);
    const res = await page.goto('/bans');
    expect(res?.status()).toBe(404);
  });
});
