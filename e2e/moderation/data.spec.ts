import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

import { decodePayload, Standin } from './support';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

test.describe('data messages', () => {
  test.use({ account: 'moderator' });

  test('sends JSON to chosen participants on a topic, lossy', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('data-some'), [
      { identity: 'alice' },
      { identity: 'bob' },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await page.getByRole('button', { name: `Send message to ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Send a message to ${name}` });
    await dialog.getByRole('radio', { name: 'Chosen participants' }).check();
    await dialog.getByRole('checkbox', { name: 'alice' }).check();
    await dialog.getByLabel('Topic').fill('poll');
    await dialog.getByRole('radio', { name: /Lossy/ }).check();
    await dialog.getByRole('radio', { name: /JSON/ }).check();
    await dialog.getByLabel('Message').fill('{"question": ');
    await dialog.getByRole('button', { name: 'Send message' }).click();
    await expect(dialog.getByText('Not valid JSON')).toBeVisible();
    await dialog.getByLabel('Message').fill('{"question":"Lunch?"}');
    await dialog.getByRole('button', { name: 'Send message' }).click();
    await expect(page.getByText(`Sent the message to 1 participant in ${name}.`)).toBeVisible();

    const data = (await standin.received(name, 'alice')).filter((e) => e.type === 'data');
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ topic: 'poll', kind: 'LOSSY', senderIdentity: '' });
    expect(decodePayload(data[0]!)).toBe('{"question":"Lunch?"}');
    expect((await standin.received(name, 'bob')).filter((e) => e.type === 'data')).toHaveLength(0);
  });

  test('sends text to everyone, reliable', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('data-all'), [
      { identity: 'alice' },
      { identity: 'bob' },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await page.getByRole('button', { name: `Send message to ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Send a message to ${name}` });
    await dialog.getByLabel('Message').fill('Break in 5 minutes');
    await dialog.getByRole('button', { name: 'Send message' }).click();
    await expect(page.getByText(`Sent the message to everyone in ${name}.`)).toBeVisible();

    for (const identity of ['alice', 'bob']) {
      const data = (await standin.received(name, identity)).filter((e) => e.type === 'data');
      expect(data).toHaveLength(1);
      expect(data[0]).toMatchObject({ topic: null, kind: 'RELIABLE' });
      expect(decodePayload(data[0]!)).toBe('Break in 5 minutes');
    }
  });
});
