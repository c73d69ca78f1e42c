import { RoomPage } from '../../e2e/pages/room-page';
import { expect, test } from '../fixtures';

/**
 * Room-wide moderator actions in the dashboard, observed by real participants' livekit-client:
 * a data message, a room metadata edit and the room's deletion.
 */
test.describe('moderating a room with real participants', () => {
  test.use({ account: 'moderator' });

  test('a message to chosen participants reaches only them, on its topic', async ({
    page,
    livekit,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('data') });
    const alice = await joinParticipant({ roomName: room, identity: 'alice' });
    const bob = await joinParticipant({ roomName: room, identity: 'bob' });
    await new RoomPage(page).goto(room);

    await page.getByRole('button', { name: `Send message to ${room}` }).click();
    const dialog = page.getByRole('dialog', { name: `Send a message to ${room}` });
    await dialog.getByRole('radio', { name: 'Chosen participants' }).check();
    await dialog.getByRole('checkbox', { name: 'alice' }).check();
    await dialog.getByLabel('Topic').fill('announcements');
    await dialog.getByLabel('Message').fill('Break in 5 minutes');
    await dialog.getByRole('button', { name: 'Send message' }).click();
    await expect(page.getByText(`Sent the message to 1 participant in ${room}.`)).toBeVisible();

    const received = await alice.waitForEvent('dataReceived', (e) => e.topic === 'announcements');
    // From the server (SendData), not from another participant.
    expect(received).toMatchObject({
      text: 'Break in 5 minutes',
      identity: null,
      kind: 'RELIABLE',
    });

    // Then one to everyone: reliable data arrives in order, so once bob has this one he would
    // already hold the first had it been sent to him.
    await page.getByRole('button', { name: `Send message to ${room}` }).click();
    await dialog.getByRole('radio', { name: 'Everyone in the room' }).check();
    await dialog.getByLabel('Topic').fill('announcements');
    await dialog.getByLabel('Message').fill('Back in the room');
    await dialog.getByRole('button', { name: 'Send message' }).click();
    await expect(page.getByText(`Sent the message to everyone in ${room}.`)).toBeVisible();
    await bob.waitForEvent('dataReceived', (e) => e.text === 'Back in the room');
    const bobData = (await bob.events()).filter((e) => e.name === 'dataReceived');
    expect(bobData.map((e) => e.text)).toEqual(['Back in the room']);
  });

  test('room metadata saved in the dashboard reaches the SDK', async ({
    page,
    livekit,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('meta') });
    const alice = await joinParticipant({ roomName: room, identity: 'alice' });
    await new RoomPage(page).goto(room);

    await page.getByRole('button', { name: `Edit metadata of ${room}` }).click();
    const dialog = page.getByRole('dialog', { name: `Metadata of ${room}` });
    await dialog.getByLabel('Room metadata').fill('{"topic":"planning"}');
    await dialog.getByRole('button', { name: 'Save metadata' }).click();
    await expect(page.getByText(`Saved the metadata of ${room}.`)).toBeVisible();

    await alice.waitForEvent('roomMetadataChanged', (e) => e.metadata === '{"topic":"planning"}');
  });
});

// Closing a room is the admin's (`rooms.delete` in lib/contracts/permissions.ts).
test.describe('closing a room with real participants', () => {
  test.use({ account: 'admin' });

  test('deleting the room disconnects everyone with ROOM_DELETED', async ({
    page,
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('doomed') });
    const alice = await joinParticipant({ roomName: room, identity: 'alice' });
    const bob = await joinParticipant({ roomName: room, identity: 'bob' });
    await new RoomPage(page).goto(room);

    await page.getByRole('button', { name: `Delete room ${room}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Delete room ${room}?` });
    await expect(confirm).toContainText('disconnects the 2 people in it');
    await confirm.getByRole('button', { name: `Delete ${room}` }).click();
    await expect(page).toHaveURL(/\/rooms$/);

    for (const participant of [alice, bob]) {
      await participant.waitForEvent('disconnected', (e) => e.reason === 'ROOM_DELETED');
    }
    expect((await roomService.listRooms([room])).map((r) => r.name)).toEqual([]);
  });
});
