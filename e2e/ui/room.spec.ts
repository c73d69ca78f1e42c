import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';

test.describe('room page', () => {
  test('shows the room facts with pretty-printed metadata', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('facts'), [], {
      metadata: '{"topic":"town hall","auth_id":"acme"}',
      maxParticipants: 25,
      emptyTimeout: 600,
    });
    const room = new RoomPage(page);
    await room.goto(name);

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(room.fact('Max participants')).toHaveText('25');
    await expect(room.fact('Empty timeout')).toHaveText('10 min');
    await expect(room.fact('Tenant')).toHaveText('acme');
    await expect(room.fact('Recording')).toHaveText('Not recording');
    await expect(room.fact('SID')).toHaveText(/^RM_/);
    await expect(page.getByRole('region', { name: 'Room metadata' })).toContainText(
      '"topic": "town hall"',
    );
  });

  test('lists participants with their tracks, muted state and simulcast layers', async ({
    page,
    livekit,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('tracks'), [
      {
        identity: 'alice',
        name: 'Alice Liddell',
        tracks: [
          { type: 'AUDIO', source: 'MICROPHONE', muted: true },
          { type: 'VIDEO', source: 'CAMERA', simulcast: true },
        ],
      },
      { identity: 'bot-1', name: 'Note taker', kind: 'AGENT' },
    ]);
    const standin = await livekit.state();
    const alice = standin.rooms
      .find((r) => r.room.name === name)
      ?.participants.find((p) => p.identity === 'alice');
    const camera = alice?.tracks?.find((t) => t.simulcast);
    const layers = (camera?.layers ?? []).map((l) => (l.quality ?? 'LOW').toLowerCase());
    expect(layers.length).toBeGreaterThan(0);

    const room = new RoomPage(page);
    await room.goto(name);
    const row = room.row('alice');
    await expect(row).toContainText('Alice Liddell');
    await expect(row.getByRole('list', { name: 'Tracks' }).getByRole('listitem')).toHaveCount(2);
    await expect(row.getByRole('listitem').filter({ hasText: 'Microphone' })).toContainText(
      'muted',
    );
    const cameraChip = row.getByRole('listitem').filter({ hasText: 'Camera' });
    await expect(cameraChip).not.toContainText('muted');
    await expect(cameraChip).toContainText(`simulcast ${layers.join('/')}`);
    await expect(room.row('bot-1')).toContainText('Agent');
  });

  test('filters participants by identity, name and kind', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('filter'), [
      { identity: 'alice', name: 'Alice' },
      { identity: 'bob', name: 'Robert' },
      { identity: 'sip-caller', name: 'Phone', kind: 'SIP' },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);
    await expect(room.row('bob')).toBeVisible();

    await room.filter.fill('robert');
    await expect(room.row('bob')).toBeVisible();
    await expect(room.row('alice')).toHaveCount(0);

    await room.filter.fill('');
    await room.kindFilter.selectOption({ label: 'SIP' });
    await expect(room.row('sip-caller')).toBeVisible();
    await expect(room.row('alice')).toHaveCount(0);
    await expect(room.row('bob')).toHaveCount(0);
  });

  test('opens a linkable participant detail panel from a row', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('detail'), [
      {
        identity: 'carol',
        name: 'Carol',
        metadata: '{"seat":"A4"}',
        attributes: { team: 'blue' },
        permission: { canSubscribe: true, canPublish: false, canPublishData: true },
      },
      { identity: 'dave' },
    ]);
    const room = new RoomPage(page);
    await room.goto(name);

    await room.row('carol').click();
    await expect(room.details).toBeVisible();
    await expect(page).toHaveURL(/\?participant=carol$/);
    await expect(room.details.getByRole('heading', { name: 'Carol' })).toBeVisible();
    const attributes = room.details.getByRole('region', { name: 'Attributes' });
    await expect(attributes).toContainText('team');
    await expect(attributes).toContainText('blue');
    const permission = room.details.getByRole('region', { name: 'Permission' });
    await expect(
      permission
        .getByRole('term')
        .filter({ hasText: /^Can publish$/ })
        .locator('xpath=following-sibling::dd[1]'),
    ).toHaveText('No');
    await expect(
      permission
        .getByRole('term')
        .filter({ hasText: /^Can subscribe$/ })
        .locator('xpath=following-sibling::dd[1]'),
    ).toHaveText('Yes');
    await expect(room.details.getByRole('region', { name: 'Participant metadata' })).toContainText(
      '"seat": "A4"',
    );

    await page.keyboard.press('Escape');
    await expect(room.details).toBeHidden();
    await expect(page).not.toHaveURL(/participant=/);

    // Keyboard: focus a row and press Enter.
    await room.row('dave').focus();
    await page.keyboard.press('Enter');
    await expect(room.details.getByRole('heading', { name: 'dave' })).toBeVisible();

    // The URL alone opens the panel.
    await room.goto(name, '?participant=carol');
    await expect(room.details.getByRole('heading', { name: 'Carol' })).toBeVisible();
  });

  test('shows not found for an unknown room', async ({ page, livekit }) => {
    await page.goto(`/rooms/${encodeURIComponent(livekit.roomName('never-created'))}`);
    await expect(page.getByRole('heading', { name: 'Room not found' })).toBeVisible();
  });

  test('says the room has ended when it disappears while open', async ({ page, livekit }) => {
    const name = await livekit.seedRoom(livekit.roomName('ending'), [{ identity: 'erin' }]);
    const room = new RoomPage(page);
    await room.goto(name);
    await expect(room.row('erin')).toBeVisible();

    await livekit.deleteRoom(name);
    await expect(page.getByText('This room has ended')).toBeVisible({ timeout: 10_000 });
  });
});
