import { chooseAction } from '../../e2e/moderation/support';
import { RoomPage } from '../../e2e/pages/room-page';
import { expect, test } from '../fixtures';

/**
 * A moderator acts on one participant in the dashboard; the participant's own livekit-client
 * (and, for name and metadata, another participant's) observes it as the SDK event an app would
 * handle. The stand-in's state (ListParticipants) confirms the outcome.
 */
test.describe('moderating a real participant', () => {
  test.use({ account: 'moderator' });

  test('muting a microphone mutes the publication in the SDK', async ({
    page,
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('mute') });
    const alice = await joinParticipant({
      roomName: room,
      identity: 'alice',
      publish: ['microphone'],
    });
    const mic = alice.publication('microphone');
    await new RoomPage(page).goto(room);

    await chooseAction(page, 'alice', 'Mute microphone of alice');
    await expect(page.getByText('Muted microphone of alice.')).toBeVisible();

    await alice.waitForEvent(
      'trackMuted',
      (e) => e.trackSid === mic.trackSid && e.identity === 'alice' && e.local,
    );
    const [listed] = await roomService.listParticipants(room);
    expect(listed?.tracks.find((t) => t.sid === mic.trackSid)?.muted).toBe(true);
  });

  test('unmuting is refused at LiveKit’s default, and asking reaches the participant instead', async ({
    page,
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('unmute') });
    const alice = await joinParticipant({
      roomName: room,
      identity: 'alice',
      publish: ['microphone'],
    });
    const mic = alice.publication('microphone');
    await new RoomPage(page).goto(room);
    await chooseAction(page, 'alice', 'Mute microphone of alice');
    await alice.waitForEvent('trackMuted', (e) => e.trackSid === mic.trackSid && e.local);

    await chooseAction(page, 'alice', 'Unmute microphone of alice');
    const refused = page.getByRole('alertdialog', { name: 'Remote unmute is turned off' });
    await refused.getByRole('button', { name: 'Ask alice to unmute' }).click();
    await expect(page.getByText(/Asked alice to unmute their microphone/)).toBeVisible();

    const request = await alice.waitForEvent(
      'dataReceived',
      (e) => e.topic === 'moderato.unmute-request',
    );
    expect(JSON.parse(request.text)).toMatchObject({
      type: 'unmute_request',
      trackSid: mic.trackSid,
    });
    // The gate held: the SDK never unmuted, and the server still lists the track muted.
    expect((await alice.events()).filter((e) => e.name === 'trackUnmuted')).toEqual([]);
    const [listed] = await roomService.listParticipants(room);
    expect(listed?.tracks.find((t) => t.sid === mic.trackSid)?.muted).toBe(true);
  });

  test('revoking publish rights changes the SDK permissions and unpublishes its tracks', async ({
    page,
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('revoke') });
    const alice = await joinParticipant({
      roomName: room,
      identity: 'alice',
      publish: ['microphone'],
    });
    const mic = alice.publication('microphone');
    await new RoomPage(page).goto(room);

    await chooseAction(page, 'alice', 'Edit permissions of alice');
    const dialog = page.getByRole('dialog', { name: 'Permissions of alice' });
    await dialog.getByRole('checkbox', { name: /^Can publish Publish/ }).uncheck();
    await dialog.getByRole('button', { name: 'Save permissions' }).click();
    await expect(page.getByText('Updated the permissions of alice.')).toBeVisible();

    const changed = await alice.waitForEvent(
      'participantPermissionsChanged',
      (e) => e.local && e.permission?.canPublish === false,
    );
    expect(changed.permission).toMatchObject({ canSubscribe: true, canPublishData: true });
    await alice.waitForEvent('localTrackUnpublished', (e) => e.trackSid === mic.trackSid);
    const [listed] = await roomService.listParticipants(room);
    expect(listed?.permission?.canPublish).toBe(false);
    expect(listed?.tracks).toEqual([]);
  });

  test('removing a participant disconnects its SDK with PARTICIPANT_REMOVED', async ({
    page,
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('remove') });
    const alice = await joinParticipant({ roomName: room, identity: 'alice' });
    await new RoomPage(page).goto(room);

    await chooseAction(page, 'alice', `Remove alice from ${room}`);
    const confirm = page.getByRole('alertdialog', { name: `Remove alice from ${room}?` });
    await confirm.getByRole('button', { name: 'Remove alice' }).click();
    await expect(page.getByText(`Removed alice from ${room}.`)).toBeVisible();

    await alice.waitForEvent('disconnected', (e) => e.reason === 'PARTICIPANT_REMOVED');
    expect(await roomService.listParticipants(room)).toEqual([]);
  });

  test('name, metadata and attributes edited in the dashboard reach the participant and the others', async ({
    page,
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('identity') });
    const alice = await joinParticipant({
      roomName: room,
      identity: 'alice',
      name: 'Alice',
      attributes: { team: 'red' },
    });
    const bob = await joinParticipant({ roomName: room, identity: 'bob' });
    await new RoomPage(page).goto(room);

    await chooseAction(page, 'alice', 'Edit name, metadata and attributes of alice');
    const dialog = page.getByRole('dialog', { name: /attributes of alice/ });
    await dialog.getByLabel('Display name').fill('Alice Liddell');
    await dialog.getByLabel('Participant metadata').fill('{"role":"host"}');
    await dialog.getByLabel('Attribute 1 value').fill('blue');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved the details of alice.')).toBeVisible();

    for (const observer of [bob, alice]) {
      const local = observer === alice;
      await observer.waitForEvent(
        'participantNameChanged',
        (e) => e.identity === 'alice' && e.local === local && e.participantName === 'Alice Liddell',
      );
      await observer.waitForEvent(
        'participantMetadataChanged',
        (e) => e.identity === 'alice' && e.local === local && e.metadata === '{"role":"host"}',
      );
      await observer.waitForEvent(
        'participantAttributesChanged',
        (e) => e.identity === 'alice' && e.local === local && e.changed.team === 'blue',
      );
    }
    const [listed] = await roomService
      .listParticipants(room)
      .then((all) => all.filter((p) => p.identity === 'alice'));
    expect(listed).toMatchObject({
      name: 'Alice Liddell',
      metadata: '{"role":"host"}',
      attributes: { team: 'blue' },
    });
  });
});
