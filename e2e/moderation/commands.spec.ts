import { decodeJwt } from 'jose';

import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

import { decodePayload, Standin } from './support';

// OpenTalk's moderation commands from the room page: force mute and screen sharing in the
// participants table's menus, microphone restrictions and tokens on the Room commands card; every
// effect is checked in the stand-in's state and the participants' `received` logs.
const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);
const MIC = { type: 'AUDIO', source: 'MICROPHONE' } as const;
const CAMERA = { type: 'VIDEO', source: 'CAMERA' } as const;
const SCREEN = { type: 'VIDEO', source: 'SCREEN_SHARE' } as const;

test.describe('moderation commands', () => {
  test.use({ account: 'moderator' });

  test('force mutes one participant from their menu, then a selection from the bulk menu', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('force'), [
      { identity: 'alice', tracks: [MIC, CAMERA] },
      { identity: 'bob', tracks: [MIC] },
      { identity: 'carol', tracks: [MIC] },
      { identity: 'dave', tracks: [CAMERA] },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    // No live microphone, nothing to force mute: the item says why.
    await room.row('dave').getByRole('button', { name: 'Actions for dave' }).click();
    const daveItem = page.getByRole('menuitem', { name: 'Force mute dave…' });
    await expect(daveItem).toBeDisabled();
    await expect(daveItem).toHaveAccessibleDescription('They publish no microphone.');
    await page.keyboard.press('Escape');

    const trigger = room.row('alice').getByRole('button', { name: 'Actions for alice' });
    await trigger.click();
    await page.getByRole('menuitem', { name: 'Force mute alice…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Force mute alice?' });
    await expect(confirm).toContainText('cameras and screen shares stay on');
    await expect(confirm).toContainText('their app is told who muted them');
    await confirm.getByRole('button', { name: 'Force mute' }).click();
    await expect(page.getByText(/Force muted alice \(1 microphone track\)/)).toBeVisible();
    await expect(confirm).toBeHidden();
    await expect(trigger).toBeFocused();
    expect((await standin.track(name, 'alice', 'MICROPHONE')).muted).toBe(true);
    expect((await standin.track(name, 'alice', 'CAMERA')).muted).toBe(false);
    const [message] = await standin.receivedOf(name, 'alice', 'data');
    expect(message).toMatchObject({ topic: 'moderato.force-muted', kind: 'RELIABLE' });
    expect(JSON.parse(decodePayload(message!))).toEqual({
      message: 'force_muted',
      moderator: expect.stringMatching(/^moderato:/),
    });
    // Muted now: the item is there but disabled.
    await trigger.click();
    await expect(page.getByRole('menuitem', { name: 'Force mute alice…' })).toBeDisabled();
    await page.keyboard.press('Escape');

    // The table's selection, with the keyboard.
    const table = room.participants;
    await table.getByRole('checkbox', { name: 'Select bob' }).check();
    await table.getByRole('checkbox', { name: 'Select carol' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByText('2 selected')).toBeVisible();
    await page.getByRole('button', { name: 'Act on selection' }).click();
    await page.getByRole('menuitem', { name: 'Force mute' }).click();
    const dialog = page.getByRole('dialog', { name: /Force mute — 2 selected/ });
    await expect(dialog).toContainText('microphones only');
    await expect(dialog).toContainText('their app is told who muted them');
    await dialog.getByRole('button', { name: 'Force mute' }).click();
    const done = page.getByRole('dialog', { name: 'Force mute: done' });
    await expect(done.getByRole('status')).toHaveText('2 of 2 succeeded.');
    for (const identity of ['bob', 'carol']) {
      expect((await standin.track(name, identity, 'MICROPHONE')).muted).toBe(true);
      const [told] = await standin.receivedOf(name, identity, 'data');
      expect(told).toMatchObject({ topic: 'moderato.force-muted', kind: 'RELIABLE' });
      expect(JSON.parse(decodePayload(told!))).toMatchObject({ message: 'force_muted' });
    }
    expect(await standin.receivedOf(name, 'dave', 'data')).toEqual([]);
    await done.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText('Nothing selected', { exact: false })).toBeVisible();
  });

  test('force mutes everyone with a live microphone from the bulk menu', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('force-all'), [
      { identity: 'ann', tracks: [MIC, SCREEN] },
      { identity: 'ben', tracks: [CAMERA] },
      { identity: 'helper-bot', kind: 'AGENT', tracks: [MIC] },
    ]);
    await new RoomPage(page).goto(name);

    await page.getByRole('button', { name: 'Act on everyone' }).click();
    await page.getByRole('menuitem', { name: 'Force mute' }).click();
    const dialog = page.getByRole('dialog', {
      name: new RegExp(`Force mute — everyone in ${name}`),
    });
    await dialog.getByRole('button', { name: 'Force mute' }).click();
    const done = page.getByRole('dialog', { name: 'Force mute: done' });
    await expect(done.getByRole('status')).toHaveText('1 of 1 succeeded; 2 left out.');
    expect((await standin.track(name, 'ann', 'MICROPHONE')).muted).toBe(true);
    expect((await standin.track(name, 'ann', 'SCREEN_SHARE')).muted).toBe(false);
    expect((await standin.track(name, 'helper-bot', 'MICROPHONE')).muted).toBe(false);
    const [told] = await standin.receivedOf(name, 'ann', 'data');
    expect(told).toMatchObject({ topic: 'moderato.force-muted', kind: 'RELIABLE' });
    expect(await standin.receivedOf(name, 'ben', 'data')).toEqual([]);
  });

  test('restricts microphones to an allow-list, shows it, restricts a late joiner, and lifts it exactly', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('restrict'), [
      { identity: 'alice', tracks: [MIC, CAMERA] },
      { identity: 'speaker', tracks: [MIC] },
    ]);
    const before = await standin.participant(name, 'alice');
    await new RoomPage(page).goto(name);
    const card = page.getByRole('region', { name: 'Room commands' });
    await expect(card.getByText('Everyone may unmute.')).toBeVisible();

    await card.getByRole('button', { name: 'Restrict microphones…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restrict microphones' });
    await dialog.getByRole('checkbox', { name: 'speaker' }).check();
    await expect(dialog.getByText('1 participant in the room will be restricted.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Restrict microphones' }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByLabel('Microphone restrictions on')).toBeVisible();
    await expect(card.getByText('Only speaker may use their microphone.')).toBeVisible();

    const alice = await standin.participant(name, 'alice');
    expect(alice?.permission?.can_publish_sources).toEqual([
      'CAMERA',
      'SCREEN_SHARE',
      'SCREEN_SHARE_AUDIO',
    ]);
    expect(alice?.tracks.map((t) => t.source)).toEqual(['CAMERA']);
    expect((await standin.track(name, 'speaker', 'MICROPHONE')).muted).toBe(false);

    // Someone joining now is restricted by live enforcement (the join webhook).
    await livekit.addParticipant(name, { identity: 'late', tracks: [MIC] });
    await expect
      .poll(async () => (await standin.participant(name, 'late'))?.permission?.can_publish_sources)
      .toEqual(['CAMERA', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO']);
    await expect(card.getByText(/Restricted now: .*late/)).toBeVisible();

    await card.getByRole('button', { name: 'Lift restrictions' }).click();
    await page
      .getByRole('alertdialog', { name: 'Lift microphone restrictions?' })
      .getByRole('button', { name: 'Lift restrictions' })
      .click();
    await expect(card.getByLabel('Microphone restrictions off')).toBeVisible();
    expect((await standin.participant(name, 'alice'))?.permission).toEqual(before?.permission);
    expect((await standin.participant(name, 'late'))?.permission?.can_publish_sources).toEqual([]);
  });

  test('revokes a running screen share without disconnecting, and allows it again', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('share'), [
      { identity: 'alice', tracks: [MIC, SCREEN] },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);
    const trigger = room.row('alice').getByRole('button', { name: 'Actions for alice' });

    // Backing out of the confirmation changes nothing.
    await trigger.click();
    await page.getByRole('menuitem', { name: 'Revoke screen sharing of alice…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Revoke screen sharing of alice?' });
    await expect(confirm).toContainText('A running screen share stops at once.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(trigger).toBeFocused();
    expect((await standin.participant(name, 'alice'))?.permission?.can_publish_sources).toEqual([]);

    await trigger.click();
    await page.getByRole('menuitem', { name: 'Revoke screen sharing of alice…' }).click();
    await confirm.getByRole('button', { name: 'Revoke screen share' }).click();
    await expect(page.getByText('alice may no longer share their screen.')).toBeVisible();
    const alice = await standin.participant(name, 'alice');
    expect(alice?.state).toBe('ACTIVE');
    expect(alice?.tracks.map((t) => t.source)).toEqual(['MICROPHONE']);
    expect(alice?.permission?.can_publish_sources).toEqual(['CAMERA', 'MICROPHONE']);

    // The menu follows the permission: now it offers to allow it again.
    await trigger.click();
    await expect(
      page.getByRole('menuitem', { name: 'Revoke screen sharing of alice…' }),
    ).toHaveCount(0);
    await page.getByRole('menuitem', { name: 'Allow alice to share their screen' }).click();
    await expect(page.getByText('alice may share their screen.')).toBeVisible();
    await expect
      .poll(async () => (await standin.participant(name, 'alice'))?.permission?.can_publish_sources)
      .toEqual([]);
  });

  test('shows a join token once, copyable, and a hidden watch-only popout token', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('tokens'), [{ identity: 'alice' }]);
    await new RoomPage(page).goto(name);
    const card = page.getByRole('region', { name: 'Room commands' });

    await card.getByRole('button', { name: 'Get join token' }).click();
    const dialog = page.getByRole('dialog', { name: `Join token for ${name}` });
    const token = await dialog.getByLabel(`Join token for ${name}`).inputValue();
    await expect(dialog.getByRole('button', { name: 'Copy the join token' })).toBeVisible();
    await expect(dialog.getByText('It is shown only this once.')).toBeVisible();
    const claims = decodeJwt(token);
    expect(claims.sub).toMatch(/^moderato:/);
    expect(claims.video).toMatchObject({ roomJoin: true, room: name, canPublish: true });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await card.getByRole('button', { name: 'Get popout token' }).click();
    const popout = page.getByRole('dialog', { name: `Popout token for ${name}` });
    const popoutClaims = decodeJwt(
      await popout.getByLabel(`Popout token for ${name}`).inputValue(),
    );
    expect(popoutClaims.sub).toBe(`${claims.sub}#popout`);
    expect(popoutClaims.video).toMatchObject({
      hidden: true,
      canPublish: false,
      canPublishData: false,
      canSubscribe: true,
    });
  });
});

test.describe('moderation commands for a viewer', () => {
  test.use({ account: 'viewer' });

  test('shows the restriction state but no controls', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('viewer'), [
      { identity: 'alice', tracks: [MIC] },
    ]);
    await new RoomPage(page).goto(name);
    const card = page.getByRole('region', { name: 'Room commands' });
    await expect(card.getByLabel('Microphone restrictions off')).toBeVisible();
    await expect(card.getByRole('button')).toHaveCount(0);
  });
});
