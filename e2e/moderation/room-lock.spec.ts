import { ROOM_LOCKED_TOPIC } from '@/lib/contracts/room-locks';

import { expect, test, uniqueSuffix } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { seriousViolations } from '../support/axe';
import { E2E } from '../support/ports';

import { auditEvents, decodePayload, Standin } from './support';

// An axe scan (seconds on a busy 2-core machine) besides the flows themselves.
test.describe.configure({ timeout: 60_000 });

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);
const MIC = { type: 'AUDIO', source: 'MICROPHONE' } as const;
const CAMERA = { type: 'VIDEO', source: 'CAMERA' } as const;

test.describe('room lock', () => {
  test.use({ account: 'moderator' });

  test('a room locked from the UI removes a joiner, lets the allow-listed in, and is shown on both pages', async ({
    page,
    livekit,
    baseURL,
    loginAs,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName(`lock-${uniqueSuffix()}`), [
      { identity: 'alice', tracks: [MIC] },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await page.getByRole('button', { name: `Lock room ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Lock room ${name}` });
    await dialog.getByRole('textbox', { name: 'May still join (identities)' }).fill('vip\n');
    await expect(dialog.getByRole('status')).toHaveText('1 identity may still join.');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Lock room' }).click();
    await expect(page.getByText(`Locked ${name}: only vip and moderators may join.`)).toBeVisible();
    await expect(page.getByLabel(`${name} is locked`)).toBeVisible();
    await expect(page.getByText('Only moderators and vip may join.')).toBeVisible();

    // A simulated participant joins: the join webhook gets them told why and removed.
    await livekit.addParticipant(name, { identity: 'eve' });
    await livekit.addParticipant(name, { identity: 'vip' });
    await expect
      .poll(async () => (await standin.received(name, 'eve')).map((e) => e.type))
      .toContain('leave');
    const log = await standin.received(name, 'eve');
    const notice = log.findIndex((e) => e.type === 'data' && e.topic === ROOM_LOCKED_TOPIC);
    expect(JSON.parse(decodePayload(log[notice]!))).toMatchObject({ type: 'room_locked' });
    expect(log.findIndex((e) => e.type === 'leave')).toBeGreaterThan(notice);
    expect(await standin.participant(name, 'eve')).toBeUndefined();
    expect(await standin.participant(name, 'vip')).toBeDefined();
    expect(await standin.participant(name, 'alice')).toBeDefined();
    const admin = await loginAs('admin');
    await expect
      .poll(async () =>
        auditEvents(baseURL!, admin, { action: 'participant.lock_enforced', roomName: name }),
      )
      .toEqual([expect.objectContaining({ identity: 'eve', outcome: 'success' })]);
    // The room's timeline says who locked it.
    await expect(page.getByText(/ locked the room$/).first()).toBeVisible();

    // The rooms page shows the lock next to the name.
    await page.goto(`/rooms?q=${encodeURIComponent(name)}`);
    await expect(page.getByLabel(`${name} is locked`)).toBeVisible();

    // Unlocked: a joiner stays.
    await room.goto(name);
    await page.getByRole('button', { name: `Unlock room ${name}` }).click();
    await expect(page.getByText(`Unlocked ${name}: anyone may join again.`)).toBeVisible();
    await expect(page.getByLabel(`${name} is locked`)).toHaveCount(0);
    await livekit.addParticipant(name, { identity: 'eve' });
    await expect(room.row('eve')).toBeVisible();
    expect(await standin.participant(name, 'eve')).toBeDefined();
  });

  test('suspend → resume from the UI restores every participant’s permission exactly', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName(`suspend-${uniqueSuffix()}`), [
      { identity: 'alice', tracks: [MIC, CAMERA] },
      {
        identity: 'bob',
        permission: {
          canPublish: true,
          canSubscribe: true,
          canPublishData: false,
          canUpdateMetadata: true,
          canPublishSources: ['MICROPHONE'],
        },
        tracks: [MIC],
      },
      { identity: 'mod', attributes: { role: 'moderator' }, tracks: [MIC] },
    ]);
    const permissions = async () =>
      Object.fromEntries(
        await Promise.all(
          ['alice', 'bob', 'mod'].map(async (id) => [
            id,
            (await standin.participant(name, id))?.permission,
          ]),
        ),
      );
    const before = await permissions();
    const room = new RoomPage(page);
    await room.goto(name);

    // By keyboard: Enter opens the confirmation, Escape backs out, nothing happens.
    const suspend = page.getByRole('button', { name: `Suspend activity in ${name}` });
    await suspend.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: `Suspend activity in ${name}?` });
    await expect(confirm).toContainText('Resume activity gives each of them back exactly');
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(suspend).toBeFocused();
    expect(await permissions()).toEqual(before);

    await suspend.click();
    await confirm.getByRole('button', { name: 'Suspend activity' }).click();
    await expect(page.getByText(`Suspended ${name}: 2 participants silenced.`)).toBeVisible();
    await expect(page.getByLabel(`${name} is suspended`)).toBeVisible();
    for (const id of ['alice', 'bob']) {
      const p = await standin.participant(name, id);
      expect(p?.permission, id).toMatchObject({ can_publish: false, can_publish_data: false });
      expect(p?.tracks, id).toEqual([]);
    }
    expect((await permissions()).mod).toEqual(before.mod);
    expect((await standin.track(name, 'mod', 'MICROPHONE')).muted).toBe(false);
    // While suspended the lock holds, and it cannot be unlocked on its own.
    await expect(page.getByRole('button', { name: `Unlock room ${name}` })).toHaveCount(0);
    await livekit.addParticipant(name, { identity: 'eve' });
    await expect
      .poll(async () => (await standin.received(name, 'eve')).map((e) => e.type))
      .toContain('leave');

    await page.getByRole('button', { name: `Resume activity in ${name}` }).click();
    await expect(
      page.getByText(`Resumed ${name}: 2 participants got back what was taken.`),
    ).toBeVisible();
    await expect(page.getByLabel(`${name} is suspended`)).toHaveCount(0);
    await expect(page.getByLabel(`${name} is locked`)).toHaveCount(0);
    expect(await permissions()).toEqual(before);
  });

  test('resuming a room that was locked before the suspension says the lock stays', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName(`lock-resume-${uniqueSuffix()}`), [
      { identity: 'alice', tracks: [MIC] },
    ]);
    await new RoomPage(page).goto(name);
    await page.getByRole('button', { name: `Lock room ${name}` }).click();
    await page
      .getByRole('dialog', { name: `Lock room ${name}` })
      .getByRole('button', { name: 'Lock room' })
      .click();
    await expect(page.getByLabel(`${name} is locked`)).toBeVisible();

    await page.getByRole('button', { name: `Suspend activity in ${name}` }).click();
    await page
      .getByRole('alertdialog', { name: `Suspend activity in ${name}?` })
      .getByRole('button', { name: 'Suspend activity' })
      .click();
    await expect(page.getByLabel(`${name} is suspended`)).toBeVisible();
    await page.getByRole('button', { name: `Resume activity in ${name}` }).click();
    await expect(
      page.getByText(
        `Resumed ${name}: 1 participant got back what was taken. The room stays locked, as it was before: unlock it to let people join.`,
      ),
    ).toBeVisible();
    await expect(page.getByLabel(`${name} is locked`)).toBeVisible();
    // And it still holds: a joiner is removed.
    await livekit.addParticipant(name, { identity: 'late' });
    await expect
      .poll(async () => (await standin.received(name, 'late')).map((e) => e.type))
      .toContain('leave');
    expect(await standin.participant(name, 'late')).toBeUndefined();
  });
});

test.describe('a viewer', () => {
  test.use({ account: 'viewer' });

  test('sees no lock controls', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('lock-viewer'), [{ identity: 'alice' }]);
    await new RoomPage(page).goto(name);
    await expect(page.getByRole('table', { name: 'Participants' })).toBeVisible();
    await expect(page.getByRole('button', { name: `Lock room ${name}` })).toHaveCount(0);
    await expect(page.getByRole('button', { name: `Suspend activity in ${name}` })).toHaveCount(0);
  });
});
