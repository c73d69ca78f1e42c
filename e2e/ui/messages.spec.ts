import { expect, test } from '../fixtures';
import { auditEvents, chooseAction, Standin } from '../moderation/support';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

// Messages for people: what the dashboard says before and after an action.
const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

test.describe('validation messages', () => {
  test('the create-room form and the REST API both name the field in plain words', async ({
    page,
    livekit,
    request,
  }) => {
    const name = livekit.roomName('plain');
    await page.goto('/rooms');
    await page.getByRole('button', { name: 'Create room' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create room' });
    await dialog.getByLabel('Room name').fill(name);
    await dialog.getByLabel('Max participants').fill('-1');
    await dialog.getByRole('button', { name: 'Create room' }).click();

    await expect(dialog.getByText('Max participants must be 0 or more')).toBeVisible();
    await expect(dialog).not.toContainText(/Too small|expected number/);

    const res = await request.post('/api/v1/rooms', {
      data: { roomName: name, maxParticipants: -1 },
      headers: { origin: `http://127.0.0.1:${E2E.dashboardPort}` },
    });
    expect(res.status()).toBe(400);
    expect((await res.json()).error).toEqual({
      code: 'invalid_input',
      message: 'Max participants must be 0 or more.',
      fieldErrors: { maxParticipants: ['Max participants must be 0 or more'] },
    });
    expect(await standin.room(name)).toBeUndefined();
  });
});

test.describe('participant dialogs', () => {
  test.use({ account: 'moderator' });

  test('the subscriptions dialog starts from what is known and reopens with the change', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('subs-known'), [
      { identity: 'alice' },
      {
        identity: 'listener',
        permission: { canSubscribe: false, canPublish: false, canPublishData: true },
      },
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

    // May subscribe: apps subscribe to everything unless they opt out, and the dialog says so.
    await chooseAction(page, 'alice', 'Change subscriptions of alice');
    const dialog = page.getByRole('dialog', { name: 'Subscriptions of alice' });
    await expect(dialog).toContainText('LiveKit does not report what alice is subscribed to');
    const mic = dialog.getByRole('checkbox', { name: 'microphone of bob' });
    const camera = dialog.getByRole('checkbox', { name: 'camera of bob' });
    await expect(mic).toBeChecked();
    await expect(camera).toBeChecked();
    await mic.uncheck();
    await dialog.getByRole('button', { name: 'Save subscriptions of alice' }).click();
    await expect(dialog).toHaveCount(0);
    expect(
      (await standin.received(name, 'alice')).filter((e) => e.type === 'subscription_update'),
    ).toEqual([expect.objectContaining({ trackSids: [bobMic.sid], subscribe: false })]);

    // Reopened, it starts from the change made here.
    await chooseAction(page, 'alice', 'Change subscriptions of alice');
    await expect(mic).not.toBeChecked();
    await expect(camera).toBeChecked();
    await expect(mic).toHaveAccessibleDescription(/^unsubscribed by /);
    await expect(camera).toHaveAccessibleDescription('');
    await page.keyboard.press('Escape');

    // Without the subscribe permission LiveKit gives them nothing.
    await chooseAction(page, 'listener', 'Change subscriptions of listener');
    const listener = page.getByRole('dialog', { name: 'Subscriptions of listener' });
    await expect(listener).toContainText('may not subscribe');
    await expect(listener.getByRole('checkbox', { name: 'microphone of bob' })).not.toBeChecked();
    await expect(listener.getByRole('checkbox', { name: 'camera of bob' })).not.toBeChecked();
  });

  test('removing a recorder or an agent says what it stops; removing a person does not', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('remove-kinds'), [
      { identity: 'recorder-1', kind: 'EGRESS' },
      { identity: 'notes-bot', kind: 'AGENT' },
      { identity: 'alice' },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await chooseAction(page, 'recorder-1', `Remove recorder-1 from ${name}`);
    const recorder = page.getByRole('alertdialog', { name: `Remove recorder-1 from ${name}?` });
    await expect(recorder).toContainText('Removing this recorder stops the recording');
    await recorder.getByRole('button', { name: 'Remove recorder-1' }).click();
    await expect(recorder).toHaveCount(0);
    await expect.poll(() => standin.participant(name, 'recorder-1')).toBeUndefined();

    await chooseAction(page, 'notes-bot', `Remove notes-bot from ${name}`);
    const agent = page.getByRole('alertdialog', { name: `Remove notes-bot from ${name}?` });
    await expect(agent).toContainText('Removing this agent stops it');
    await agent.getByRole('button', { name: 'Cancel' }).click();
    expect(await standin.participant(name, 'notes-bot')).toBeDefined();

    await chooseAction(page, 'alice', `Remove alice from ${name}`);
    const person = page.getByRole('alertdialog', { name: `Remove alice from ${name}?` });
    await expect(person).toContainText('not revoked');
    await expect(person).not.toContainText('Removing this');
  });

  test('on a self-hosted server, Move/Forward are explained before anyone tries them', async ({
    page,
    livekit,
    loginAs,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('move-first'), [{ identity: 'alice' }]);
    const room = new RoomPage(page);
    await room.goto(name);

    await page.getByRole('button', { name: 'Actions for alice' }).click();
    const item = page.getByRole('menuitem', { name: 'Move or forward alice to another room' });
    await expect(item).toBeDisabled();
    await expect(item).toContainText('needs LiveKit Cloud');
    // Nobody tried: the dashboard asked the server, not the participant.
    const baseURL = `http://127.0.0.1:${E2E.dashboardPort}`;
    const moves = await auditEvents(baseURL, await loginAs('admin'), { roomName: name });
    expect(moves.filter((e) => /^participant\.(moved|forwarded)$/.test(e.action))).toEqual([]);
    expect(await standin.participant(name, 'alice')).toBeDefined();
  });
});
