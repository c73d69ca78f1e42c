import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

import { auditEvents, chooseAction, Standin } from './support';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

test.describe('participants', () => {
  test.use({ account: 'moderator' });

  test('removes a participant after a confirmation naming them and the token caveat', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('remove'), [
      { identity: 'alice' },
      { identity: 'bob' },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await chooseAction(page, 'alice', `Remove alice from ${name}`);
    const confirm = page.getByRole('alertdialog', { name: `Remove alice from ${name}?` });
    await expect(confirm).toContainText('not revoked');
    await expect(confirm).toContainText('rejoin until the token expires');
    await confirm.getByRole('button', { name: 'Remove alice' }).click();

    await expect(page.getByText(`Removed alice from ${name}.`)).toBeVisible();
    await expect(room.row('alice')).toHaveCount(0);
    await expect(room.row('bob')).toBeVisible();
    expect(await standin.participant(name, 'alice')).toBeUndefined();
    expect(await standin.received(name, 'alice')).toContainEqual(
      expect.objectContaining({ type: 'leave', reason: 'PARTICIPANT_REMOVED' }),
    );
  });

  test('edits permissions starting from the current set and sends only the changes', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('perms'), [
      {
        identity: 'alice',
        permission: {
          canSubscribe: true,
          canPublish: true,
          canPublishData: true,
          canUpdateMetadata: true,
          canPublishSources: ['MICROPHONE', 'CAMERA'],
        },
      },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await chooseAction(page, 'alice', 'Edit permissions of alice');
    const dialog = page.getByRole('dialog', { name: 'Permissions of alice' });
    await expect(dialog.getByRole('checkbox', { name: /Can update own metadata/ })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'Camera' })).toBeChecked();
    await expect(
      dialog.getByRole('checkbox', { name: 'Screen share', exact: true }),
    ).not.toBeChecked();
    await dialog.getByRole('checkbox', { name: /Can publish data/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /^Hidden/ }).check();
    await dialog.getByRole('checkbox', { name: /Can subscribe to metrics/ }).check();
    await dialog.getByRole('checkbox', { name: 'Screen share', exact: true }).check();
    await dialog.getByRole('button', { name: 'Save permissions' }).click();
    await expect(page.getByText('Updated the permissions of alice.')).toBeVisible();

    expect((await standin.participant(name, 'alice'))?.permission).toEqual({
      can_subscribe: true,
      can_publish: true,
      can_publish_data: false,
      can_publish_sources: ['MICROPHONE', 'CAMERA', 'SCREEN_SHARE'],
      hidden: true,
      recorder: false,
      can_update_metadata: true,
      agent: false,
      can_subscribe_metrics: true,
      can_manage_agent_session: false,
    });
  });

  test('promotes to speaker and moves back to audience, which unpublishes tracks', async ({
    page,
    livekit,
    loginAs,
    baseURL,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('stage'), [
      {
        identity: 'carol',
        permission: { canSubscribe: true, canPublish: false, canPublishData: true },
      },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    // Outcomes only (the stand-in, the row, the audit): the toasts of two quick actions may or
    // may not be on screen together, depending on how busy the machine is.
    await chooseAction(page, 'carol', 'Edit permissions of carol');
    const dialog = page.getByRole('dialog', { name: 'Permissions of carol' });
    await dialog.getByRole('button', { name: 'Promote carol to speaker' }).click();
    await expect(dialog).toBeHidden();
    await expect
      .poll(async () => (await standin.participant(name, 'carol'))?.permission?.can_publish)
      .toBe(true);
    expect((await standin.participant(name, 'carol'))?.permission).toEqual({
      can_subscribe: true,
      can_publish: true,
      can_publish_data: true,
      can_publish_sources: ['MICROPHONE', 'CAMERA'],
      hidden: false,
      recorder: false,
      can_update_metadata: false,
      agent: false,
      can_subscribe_metrics: false,
      can_manage_agent_session: false,
    });

    // Carol publishes as a speaker, then goes back to the audience.
    await livekit.addParticipant(name, {
      identity: 'carol',
      permission: { canSubscribe: true, canPublish: true, canPublishData: true },
      tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
    });
    await expect(room.row('carol').getByRole('listitem')).toHaveCount(1);
    await chooseAction(page, 'carol', 'Edit permissions of carol');
    await expect(dialog).toContainText('unpublish the affected tracks');
    await dialog.getByRole('button', { name: 'Move carol to audience' }).click();
    await expect(dialog).toBeHidden();

    await expect
      .poll(async () => (await standin.participant(name, 'carol'))?.permission?.can_publish)
      .toBe(false);
    const carol = await standin.participant(name, 'carol');
    expect(carol?.permission).toMatchObject({
      can_subscribe: true,
      can_publish: false,
      can_publish_data: true,
    });
    expect(carol?.tracks).toEqual([]);
    await expect(room.row('carol')).toContainText('None');
    const rows = await auditEvents(baseURL!, await loginAs('admin'), {
      action: 'participant.permissions_updated',
      roomName: name,
    });
    expect(rows).toEqual([
      expect.objectContaining({ identity: 'carol', outcome: 'success' }),
      expect.objectContaining({ identity: 'carol', outcome: 'success' }),
    ]);
  });

  test('edits name, metadata and attributes; a removed attribute is deleted', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('identity'), [
      {
        identity: 'alice',
        name: 'Alice',
        metadata: 'plain',
        attributes: { seat: '12', team: 'red', lang: 'en' },
      },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await chooseAction(page, 'alice', 'Edit name, metadata and attributes of alice');
    const dialog = page.getByRole('dialog', { name: /attributes of alice/ });
    await dialog.getByLabel('Display name').fill('Alice Liddell');
    const metadata = dialog.getByLabel('Participant metadata');
    await metadata.fill('{"role": ');
    await expect(dialog).toContainText('Invalid JSON');
    await metadata.fill('{"role":"host"}');
    await expect(dialog).toContainText('Valid JSON');
    await expect(dialog).toContainText('15 B of 512 KiB');
    await dialog.getByLabel('Attribute 2 value').fill('blue');
    await dialog.getByRole('button', { name: 'Remove attribute lang' }).click();
    await dialog.getByRole('button', { name: 'Add attribute' }).click();
    await dialog.getByLabel('Attribute 3 key').fill('badge');
    await dialog.getByLabel('Attribute 3 value').fill('vip');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved the details of alice.')).toBeVisible();

    const alice = await standin.participant(name, 'alice');
    expect(alice?.name).toBe('Alice Liddell');
    expect(alice?.metadata).toBe('{"role":"host"}');
    expect(alice?.attributes).toEqual({ seat: '12', team: 'blue', badge: 'vip' });
    await expect(room.row('alice')).toContainText('Alice Liddell');
  });

  test('subscribes a participant to chosen tracks of the others', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('subs'), [
      { identity: 'alice' },
      {
        identity: 'bob',
        tracks: [
          { type: 'AUDIO', source: 'MICROPHONE' },
          { type: 'VIDEO', source: 'CAMERA' },
        ],
      },
    ]);
    const bobMic = await standin.track(name, 'bob', 'MICROPHONE');
    const room = new RoomPage(page);
    await room.goto(name);

    await chooseAction(page, 'alice', 'Change subscriptions of alice');
    const dialog = page.getByRole('dialog', { name: 'Subscriptions of alice' });
    await dialog.getByRole('checkbox', { name: 'microphone of bob' }).uncheck();
    await dialog.getByRole('button', { name: 'Save subscriptions of alice' }).click();
    await expect(page.getByText('Unsubscribed alice from 1 track.')).toBeVisible();

    expect(await standin.received(name, 'alice')).toContainEqual(
      expect.objectContaining({
        type: 'subscription_update',
        trackSids: [bobMic.sid],
        subscribe: false,
      }),
    );
  });

  test('on a self-hosted server, move explains it needs LiveKit Cloud and is then disabled', async ({
    page,
    livekit,
    request,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('move-oss'), [{ identity: 'alice' }]);
    const target = await livekit.seedRoom(livekit.roomName('move-oss-to'));
    const room = new RoomPage(page);
    await room.goto(name);

    // The dashboard learns the capability once per server; an earlier test may have taught it.
    const status = await (await request.get('/api/v1/livekit/status')).json();
    if (status.capabilities.moveParticipant === 'unknown') {
      await chooseAction(page, 'alice', 'Move or forward alice to another room');
      const dialog = page.getByRole('dialog', { name: 'Move or forward alice' });
      await dialog.getByRole('searchbox', { name: 'Search destination rooms' }).fill(target);
      await dialog.getByRole('radio', { name: new RegExp(target) }).check();
      await dialog.getByRole('button', { name: 'Move alice' }).click();
      await expect(page.getByText('Could not move alice to')).toBeVisible();
      await expect(dialog.getByRole('status')).toContainText('needs LiveKit Cloud');
      await expect(dialog.getByRole('button', { name: 'Move alice' })).toBeDisabled();
      await page.keyboard.press('Escape');
    }

    expect(await standin.participant(name, 'alice')).toBeDefined();
    expect((await standin.room(target))?.participants ?? []).toHaveLength(0);
    await page.getByRole('button', { name: 'Actions for alice' }).click();
    const item = page.getByRole('menuitem', { name: 'Move or forward alice to another room' });
    await expect(item).toBeDisabled();
    await expect(item).toContainText('needs LiveKit Cloud');
  });
});
