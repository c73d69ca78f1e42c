import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { RoomsPage } from '../pages/rooms-page';
import { E2E } from '../support/ports';

import { auditEvents, Standin } from './support';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

test.describe('rooms (admin)', () => {
  test('creates a room with every CreateRoom option', async ({
    page,
    livekit,
    loginAs,
    baseURL,
  }) => {
    const name = livekit.roomName('created');
    const rooms = new RoomsPage(page);
    await rooms.goto();

    await page.getByRole('button', { name: 'Create room' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create room' });
    await expect(dialog).toContainText('Auto-egress');
    await dialog.getByLabel('Room name').fill(name);
    await dialog.getByLabel('Empty timeout (seconds)').fill('120');
    await dialog.getByLabel('Departure timeout (seconds)').fill('30');
    await dialog.getByLabel('Max participants').fill('12');
    await dialog.getByLabel('Min playout delay (ms)').fill('400');
    await dialog.getByLabel('Max playout delay (ms)').fill('100');
    await dialog.getByLabel('Node ID').fill('node-a');
    await dialog.getByRole('checkbox', { name: /Sync streams/ }).check();
    await dialog.getByLabel('Metadata').fill('{"topic": ');
    await expect(dialog).toContainText('Invalid JSON');
    await dialog.getByRole('button', { name: 'Create room' }).click();
    await expect(dialog.getByText('Must be at least the minimum playout delay')).toBeVisible();
    // The JSON's problem is said once, by the line under the field that names it.
    await expect(dialog.getByText(/^Invalid JSON: /)).toBeVisible();
    await expect(dialog.getByText('This looks like JSON but is not valid JSON')).toHaveCount(0);
    await expect(dialog.getByLabel('Metadata')).toHaveAttribute('aria-invalid', 'true');

    await dialog.getByLabel('Metadata').fill('{"topic":"retro"}');
    await dialog.getByLabel('Max playout delay (ms)').fill('800');
    await dialog.getByRole('button', { name: 'Add agent dispatch' }).click();
    await dialog.getByLabel('Agent 1 name').fill('notetaker');
    await dialog.getByLabel('Agent 1 metadata').fill('{"lang":"en"}');
    await dialog.getByRole('button', { name: 'Create room' }).click();

    await expect(page.getByText(`Created room ${name}.`)).toBeVisible();
    await expect(dialog).toBeHidden();
    await rooms.search.fill(name);
    await expect(rooms.row(name)).toBeVisible();

    const created = await standin.room(name);
    expect(created?.room).toMatchObject({
      name,
      metadata: '{"topic":"retro"}',
      empty_timeout: 120,
      departure_timeout: 30,
      max_participants: 12,
    });
    expect(created?.dispatches).toEqual([
      expect.objectContaining({ agent_name: 'notetaker', metadata: '{"lang":"en"}' }),
    ]);
    // Options the stand-in does not echo back are checked in the audit trail of the call.
    const [event] = await auditEvents(baseURL!, await loginAs('admin'), {
      action: 'room.created',
      roomName: name,
    });
    expect(event?.params).toMatchObject({
      nodeId: 'node-a',
      minPlayoutDelay: 400,
      maxPlayoutDelay: 800,
      syncStreams: true,
      agents: [{ agentName: 'notetaker', metadata: '{"lang":"en"}' }],
    });
    await livekit.deleteRoom(name);
  });

  test('deletes a room after a confirmation naming it and the people disconnected', async ({
    page,
    livekit,
    loginAs,
    baseURL,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('doomed'), [
      { identity: 'alice' },
      { identity: 'bob' },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await page.getByRole('button', { name: `Delete room ${name}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Delete room ${name}?` });
    await expect(confirm).toContainText(`disconnects the 2 people in it`);
    await confirm.getByRole('button', { name: `Delete ${name}` }).click();

    // Outcomes, not the toast: on a busy machine it can be gone by the time the list has loaded.
    await expect(page).toHaveURL(/\/rooms$/);
    expect(await standin.room(name)).toBeUndefined();
    for (const identity of ['alice', 'bob']) {
      expect(await standin.received(name, identity)).toContainEqual(
        expect.objectContaining({ type: 'leave', reason: 'ROOM_DELETED' }),
      );
    }
    const rooms = new RoomsPage(page);
    await rooms.search.fill(name);
    // The list has loaded (one of its empty states), and the room is not in it.
    await expect(page.getByText(/^(No rooms match your search|No active rooms)$/)).toBeVisible();
    const rows = await auditEvents(baseURL!, await loginAs('admin'), {
      action: 'room.deleted',
      roomName: name,
    });
    expect(rows).toEqual([expect.objectContaining({ outcome: 'success' })]);
  });

  test('edits room metadata with JSON validation and a size meter', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('meta'), [{ identity: 'alice' }], {
      metadata: 'old notes',
    });
    const room = new RoomPage(page);
    await room.goto(name);

    await page.getByRole('button', { name: `Edit metadata of ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Metadata of ${name}` });
    const editor = dialog.getByLabel('Room metadata');
    await expect(editor).toHaveValue('old notes');
    await expect(dialog).toContainText('Plain text');
    await expect(dialog).toContainText('9 B of 512 KiB');
    await editor.fill('[1, 2');
    await expect(dialog).toContainText('Invalid JSON');
    await dialog.getByRole('button', { name: 'Save metadata' }).click();
    // Refused before it is sent, and said once.
    await expect(dialog.getByText(/^Invalid JSON: /)).toBeVisible();
    await expect(dialog.getByText('This looks like JSON but is not valid JSON')).toHaveCount(0);
    expect((await standin.room(name))?.room.metadata).toBe('old notes');
    await editor.fill('{"topic":"planning","slides":3}');
    await dialog.getByRole('button', { name: 'Save metadata' }).click();

    await expect(page.getByText(`Saved the metadata of ${name}.`)).toBeVisible();
    expect((await standin.room(name))?.room.metadata).toBe('{"topic":"planning","slides":3}');
    expect(await standin.received(name, 'alice')).toContainEqual(
      expect.objectContaining({ type: 'room_update' }),
    );
    await expect(page.getByRole('region', { name: 'Room metadata' })).toContainText(
      '"topic": "planning"',
    );
  });
});
