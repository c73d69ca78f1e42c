import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

import { ServerActions, clickTwiceAtOnce } from './server-actions';
import { auditEvents, chooseAction, Standin } from './support';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

/** Issue 9 §2: a double click on a mutating control acts once — one audit row, one effect. */
test.describe('double submits', () => {
  test.use({ account: 'admin' });

  test('Remove acts once', async ({ page, livekit, loginAs, baseURL }) => {
    const name = await livekit.seedRoom(livekit.roomName('remove-twice'), [
      { identity: 'alice' },
      { identity: 'bob' },
    ]);
    const actions = new ServerActions(page);
    const room = new RoomPage(page);
    await room.goto(name);

    await chooseAction(page, 'alice', `Remove alice from ${name}`);
    const confirm = page.getByRole('alertdialog', { name: `Remove alice from ${name}?` });
    await clickTwiceAtOnce(confirm.getByRole('button', { name: 'Remove alice' }));

    await expect(confirm).toBeHidden();
    await expect(room.row('alice')).toHaveCount(0);
    expect(await actions.settledCount()).toBe(1);
    const leaves = (await standin.received(name, 'alice')).filter((e) => e.type === 'leave');
    expect(leaves).toHaveLength(1);
    const rows = await auditEvents(baseURL!, await loginAs('admin'), {
      action: 'participant.removed',
      roomName: name,
    });
    expect(rows).toEqual([expect.objectContaining({ identity: 'alice', outcome: 'success' })]);
  });

  test('Delete room acts once', async ({ page, livekit, loginAs, baseURL }) => {
    const name = await livekit.seedRoom(livekit.roomName('delete-twice'), [{ identity: 'alice' }]);
    const actions = new ServerActions(page);
    await new RoomPage(page).goto(name);

    await page.getByRole('button', { name: `Delete room ${name}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Delete room ${name}?` });
    await clickTwiceAtOnce(confirm.getByRole('button', { name: `Delete ${name}` }));

    await expect(page).toHaveURL(/\/rooms$/);
    expect(await actions.settledCount()).toBe(1);
    expect(await standin.room(name)).toBeUndefined();
    const leaves = (await standin.received(name, 'alice')).filter((e) => e.type === 'leave');
    expect(leaves).toHaveLength(1);
    const rows = await auditEvents(baseURL!, await loginAs('admin'), {
      action: 'room.deleted',
      roomName: name,
    });
    expect(rows).toEqual([expect.objectContaining({ outcome: 'success' })]);
  });

  test('Save permissions acts once', async ({ page, livekit, loginAs, baseURL }) => {
    const name = await livekit.seedRoom(livekit.roomName('perms-twice'), [{ identity: 'alice' }]);
    const actions = new ServerActions(page);
    await new RoomPage(page).goto(name);

    await chooseAction(page, 'alice', 'Edit permissions of alice');
    const dialog = page.getByRole('dialog', { name: 'Permissions of alice' });
    await dialog.getByRole('checkbox', { name: /Can publish data/ }).uncheck();
    const updatesBefore = (await standin.received(name, 'alice')).filter(
      (e) => e.type === 'participant_update',
    ).length;
    await clickTwiceAtOnce(dialog.getByRole('button', { name: 'Save permissions' }));

    await expect(dialog).toBeHidden();
    expect(await actions.settledCount()).toBe(1);
    expect((await standin.participant(name, 'alice'))?.permission?.can_publish_data).toBe(false);
    const updates = (await standin.received(name, 'alice')).filter(
      (e) => e.type === 'participant_update',
    );
    expect(updates).toHaveLength(updatesBefore + 1);
    const rows = await auditEvents(baseURL!, await loginAs('admin'), {
      action: 'participant.permissions_updated',
      roomName: name,
    });
    expect(rows).toEqual([expect.objectContaining({ identity: 'alice', outcome: 'success' })]);
  });

  test('the side panel’s Mute acts once', async ({ page, livekit, loginAs, baseURL }) => {
    const name = await livekit.seedRoom(livekit.roomName('mute-twice'), [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ]);
    const actions = new ServerActions(page);
    const room = new RoomPage(page);
    await room.goto(name);

    await room.row('alice').click();
    const panel = room.details;
    await clickTwiceAtOnce(panel.getByRole('button', { name: 'Mute microphone of alice' }));

    await expect(panel.getByRole('button', { name: 'Unmute microphone of alice' })).toBeVisible();
    expect(await actions.settledCount()).toBe(1);
    expect((await standin.track(name, 'alice', 'MICROPHONE')).muted).toBe(true);
    const mutes = (await standin.received(name, 'alice')).filter((e) => e.type === 'mute');
    expect(mutes).toHaveLength(1);
    const rows = await auditEvents(baseURL!, await loginAs('admin'), {
      action: 'track.muted',
      roomName: name,
    });
    expect(rows).toHaveLength(1);
  });

  test('Ask to unmute acts once', async ({ page, livekit, loginAs, baseURL }) => {
    const name = await livekit.seedRoom(livekit.roomName('ask-twice'), [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE', muted: true }] },
    ]);
    const actions = new ServerActions(page);
    const room = new RoomPage(page);
    await room.goto(name);

    await room.row('alice').click();
    await page.getByRole('button', { name: 'Unmute microphone of alice' }).click();
    const refused = page.getByRole('alertdialog', { name: 'Remote unmute is turned off' });
    await expect(refused).toBeVisible();
    expect(await actions.settledCount()).toBe(1);
    await clickTwiceAtOnce(refused.getByRole('button', { name: 'Ask alice to unmute' }));

    await expect(refused).toBeHidden();
    expect(await actions.settledCount()).toBe(2);
    const requests = (await standin.received(name, 'alice')).filter((e) => e.type === 'data');
    expect(requests).toHaveLength(1);
    const rows = await auditEvents(baseURL!, await loginAs('admin'), {
      action: 'track.unmute_requested',
      roomName: name,
    });
    expect(rows).toHaveLength(1);
  });
});
