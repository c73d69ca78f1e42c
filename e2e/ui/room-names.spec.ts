import { expect, test, uniqueSuffix } from '../fixtures';
import { auditEvents, chooseAction, Standin } from '../moderation/support';
import { RoomPage } from '../pages/room-page';
import { RoomsPage } from '../pages/rooms-page';
import { E2E } from '../support/ports';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

/** Issue 9 §1: any name LiveKit accepts round-trips through links, the room page and actions. */
test.describe('room names that need URL encoding', () => {
  test.use({ account: 'admin' });

  test('creates, opens, moderates and deletes `my room ä+%?` through the UI', async ({
    page,
    livekit,
    loginAs,
    baseURL,
  }) => {
    const name = `my room ä+%? ${uniqueSuffix()}`;
    const rooms = new RoomsPage(page);
    await rooms.goto();

    await page.getByRole('button', { name: 'Create room' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create room' });
    await dialog.getByLabel('Room name').fill(name);
    await dialog.getByRole('button', { name: 'Create room' }).click();
    await expect(dialog).toBeHidden();
    expect((await standin.room(name))?.room.name).toBe(name);
    // Registers the room for clean-up, and gives the moderator someone to act on.
    await livekit.addParticipant(name, {
      identity: 'alice',
      tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
    });

    await rooms.search.fill(name);
    await rooms.table.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(name.replace(/[+?%]/g, '\\$&')));
    const room = new RoomPage(page);
    await expect(room.row('alice')).toBeVisible();

    await chooseAction(page, 'alice', 'Mute microphone of alice');
    await expect(page.getByText('Muted microphone of alice.')).toBeVisible();
    expect((await standin.track(name, 'alice', 'MICROPHONE')).muted).toBe(true);

    // A reload (the URL alone) finds the same room, and so does the REST path.
    await page.reload();
    await expect(room.row('alice')).toBeVisible();
    const rest = await page.request.get(`/api/v1/rooms/${encodeURIComponent(name)}`);
    expect(rest.status()).toBe(200);
    expect(((await rest.json()) as { name: string }).name).toBe(name);

    await page.getByRole('button', { name: `Delete room ${name}` }).click();
    await page
      .getByRole('alertdialog', { name: `Delete room ${name}?` })
      .getByRole('button', { name: `Delete ${name}` })
      .click();
    await expect(page).toHaveURL(/\/rooms$/);
    await expect.poll(async () => standin.room(name)).toBeUndefined();

    const admin = await loginAs('admin');
    for (const action of ['room.created', 'track.muted', 'room.deleted']) {
      const rows = await auditEvents(baseURL!, admin, { action, roomName: name });
      expect(rows, action).toEqual([
        expect.objectContaining({ roomName: name, outcome: 'success' }),
      ]);
    }
  });

  test('refuses blank, padded and control-character names with a plain message', async ({
    page,
  }) => {
    await new RoomsPage(page).goto();
    await page.getByRole('button', { name: 'Create room' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create room' });
    const roomName = dialog.getByLabel('Room name');
    const create = dialog.getByRole('button', { name: 'Create room' });

    await roomName.fill('   ');
    await create.click();
    await expect(dialog.getByText('Room name cannot be only spaces')).toBeVisible();
    await expect(roomName).toHaveAttribute('aria-invalid', 'true');

    await roomName.fill(' standup ');
    await create.click();
    await expect(dialog.getByText('Room name cannot start or end with a space')).toBeVisible();

    await roomName.fill('stand\tup');
    await create.click();
    await expect(
      dialog.getByText('Room name cannot contain line breaks, tabs or other control characters'),
    ).toBeVisible();

    await expect(dialog).toBeVisible();
    for (const refused of ['   ', ' standup ', 'stand\tup']) {
      expect(await standin.room(refused)).toBeUndefined();
    }
  });

  test('the REST door refuses a whitespace-only name too', async ({ page }) => {
    const res = await page.request.post('/api/v1/rooms', {
      data: { roomName: ' ' },
      headers: { origin: `http://127.0.0.1:${E2E.dashboardPort}` },
    });
    expect(res.status()).toBe(400);
    const body = (await res.json()) as { error: { fieldErrors?: Record<string, string[]> } };
    expect(body.error.fieldErrors?.roomName).toEqual(['Room name cannot be only spaces']);
  });
});
