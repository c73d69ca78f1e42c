import { expect, test } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { seriousViolations } from '../support/axe';

test.describe('signed out', () => {
  test.use({ account: null });

  test('login page has no serious accessibility violations', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('rooms page has no serious accessibility violations', async ({ page, livekit }) => {
  await livekit.seedRoom(livekit.roomName('a11y'), [{ identity: 'alice' }], {
    metadata: '{"auth_id":"acme"}',
  });
  await page.goto('/rooms');
  await expect(page.getByRole('table', { name: 'Active rooms' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('room page and participant panel have no serious accessibility violations', async ({
  page,
  livekit,
}) => {
  const name = await livekit.seedRoom(
    livekit.roomName('a11y-room'),
    [
      {
        identity: 'alice',
        name: 'Alice',
        attributes: { team: 'blue' },
        tracks: [
          { type: 'AUDIO', source: 'MICROPHONE', muted: true },
          { type: 'VIDEO', source: 'CAMERA', simulcast: true },
        ],
      },
    ],
    { metadata: '{"topic":"a11y"}' },
  );
  const room = new RoomPage(page);
  await room.goto(name);
  await expect(room.row('alice')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await room.row('alice').click();
  await expect(room.details).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('audit page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
