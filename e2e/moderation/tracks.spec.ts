import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

import { chooseAction, decodePayload, Standin } from './support';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

test.describe('tracks', () => {
  test.use({ account: 'moderator' });

  test('mutes a microphone from the row menu and shows it muted', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('mute'), [
      {
        identity: 'alice',
        tracks: [
          { type: 'AUDIO', source: 'MICROPHONE' },
          { type: 'VIDEO', source: 'CAMERA' },
        ],
      },
    ]);
    const mic = await standin.track(name, 'alice', 'MICROPHONE');
    const room = new RoomPage(page);
    await room.goto(name);

    await chooseAction(page, 'alice', 'Mute microphone of alice');
    await expect(page.getByText('Muted microphone of alice.')).toBeVisible();
    expect((await standin.track(name, 'alice', 'MICROPHONE')).muted).toBe(true);
    expect((await standin.track(name, 'alice', 'CAMERA')).muted).toBe(false);
    expect(await standin.received(name, 'alice')).toContainEqual(
      expect.objectContaining({ type: 'mute', trackSid: mic.sid, muted: true }),
    );
    await expect(
      room.row('alice').getByRole('listitem').filter({ hasText: 'Microphone' }),
    ).toContainText('muted');

    // The same control now offers the opposite, from the detail panel too.
    await page.getByRole('button', { name: 'Actions for alice' }).click();
    await expect(page.getByRole('menuitem', { name: 'Unmute microphone of alice' })).toBeVisible();
    await page.keyboard.press('Escape');
  });

  test('explains a refused unmute and asks the participant instead', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('unmute'), [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE', muted: true }] },
      { identity: 'bob', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ]);
    const mic = await standin.track(name, 'alice', 'MICROPHONE');
    const room = new RoomPage(page);
    await room.goto(name);

    await room.row('alice').click();
    await page.getByRole('button', { name: 'Unmute microphone of alice' }).click();
    const refused = page.getByRole('alertdialog', { name: 'Remote unmute is turned off' });
    await expect(refused).toContainText('remote unmute is disabled');
    expect((await standin.track(name, 'alice', 'MICROPHONE')).muted).toBe(true);

    await refused.getByRole('button', { name: 'Ask alice to unmute' }).click();
    await expect(page.getByText(/Asked alice to unmute their microphone/)).toBeVisible();
    await expect(refused).toBeHidden();

    const data = (await standin.received(name, 'alice')).filter((e) => e.type === 'data');
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      topic: 'moderato.unmute-request',
      kind: 'RELIABLE',
      destinationIdentities: ['alice'],
    });
    expect(JSON.parse(decodePayload(data[0]!))).toEqual({
      type: 'unmute_request',
      requestId: expect.any(String),
      trackSid: mic.sid,
      source: 'MICROPHONE',
      requestedBy: 'Demo Moderator',
    });
    expect((await standin.received(name, 'bob')).filter((e) => e.type === 'data')).toHaveLength(0);
  });

  test('mutes with the keyboard only', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('keys'), [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await page.getByRole('button', { name: 'Actions for alice' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('[role="menu"]'))))
      .toBe(true);
    await page.keyboard.press('Home');
    await expect(page.getByRole('menuitem', { name: 'Mute microphone of alice' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Muted microphone of alice.')).toBeVisible();
    expect((await standin.track(name, 'alice', 'MICROPHONE')).muted).toBe(true);
    // The participant panel did not open: the key press stayed with the menu.
    await expect(page.getByRole('dialog', { name: 'alice' })).toHaveCount(0);
  });
});
