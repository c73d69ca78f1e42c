import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

import { chooseAction, decodePayload, Standin } from './support';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);
const origin = `http://127.0.0.1:${E2E.dashboardPort}`;

test.describe('consent requests', () => {
  test.use({ account: 'moderator' });

  test('asks a participant to turn on their camera; their answer reaches the timeline', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('camera'), [
      { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
      { identity: 'bob', tracks: [{ type: 'VIDEO', source: 'CAMERA' }] },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    // Bob's camera is on: nothing to ask him.
    await page.getByRole('button', { name: 'Actions for bob' }).click();
    await expect(page.getByRole('menuitem', { name: /Mute camera of bob/ })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: /turn on their camera/ })).toHaveCount(0);
    await page.keyboard.press('Escape');

    await chooseAction(page, 'alice', 'Ask alice to turn on their camera');
    await expect(page.getByText(/Asked alice to turn on their camera/)).toBeVisible();
    const data = (await standin.received(name, 'alice')).filter((e) => e.type === 'data');
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      topic: 'moderato.camera-request',
      kind: 'RELIABLE',
      destinationIdentities: ['alice'],
    });
    const request = JSON.parse(decodePayload(data[0]!)) as { requestId: string };
    expect(request).toEqual({
      type: 'camera_request',
      requestId: expect.any(String),
      requestedBy: 'Demo Moderator',
    });
    expect((await standin.received(name, 'bob')).filter((e) => e.type === 'data')).toEqual([]);

    const timeline = page.getByRole('list', { name: /Room activity/ });
    await expect(
      timeline.getByText('Demo Moderator asked alice to turn on their camera'),
    ).toBeVisible();

    // Alice's app answers; a watcher relays it (here, the REST door with the moderator's session).
    const relay = (requestId: string) =>
      page.request.post(
        `/api/v1/rooms/${encodeURIComponent(name)}/participants/alice/consent-answers`,
        { data: { requestId, request: 'camera', accepted: true }, headers: { origin } },
      );
    expect((await relay('made-up')).status()).toBe(404);
    expect((await relay(request.requestId)).status()).toBe(204);
    await expect(timeline.getByText('alice agreed to turn on their camera')).toBeVisible();
    // A second watcher relaying the same packet adds nothing.
    expect((await relay(request.requestId)).status()).toBe(409);
    await expect(timeline.getByText(/agreed to turn on their camera/)).toHaveCount(1);
  });
});
