import { expect, test } from '../fixtures';
import { Standin } from '../moderation/support';
import { RoomPage } from '../pages/room-page';
import { seriousViolations } from '../support/axe';
import { E2E } from '../support/ports';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

// An axe scan of a whole page takes seconds (the audit log's took 18 s on a busy 2-core machine):
// more than the default 30 s budget may be needed with two scans in one test.
test.describe.configure({ timeout: 60_000 });

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

test('room page, its timeline and the participant panel have no serious accessibility violations', async ({
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
  // The timeline with entries in it, not its loading or empty state.
  const timeline = page.getByRole('list', { name: /Room activity/ });
  await expect(timeline.getByText('alice joined')).toBeVisible();
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

test('webhooks page has no serious accessibility violations', async ({ page, livekit }) => {
  // A delivery made now, so the deliveries table is there rather than its empty state.
  await livekit.seedRoom(livekit.roomName('a11y-webhooks'), [{ identity: 'alice' }]);
  await page.goto('/webhooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Recent webhook deliveries/ })).toBeVisible({
    timeout: 15_000,
  });
  expect(await seriousViolations(page)).toEqual([]);
});

test('history list and a session page have no serious accessibility violations', async ({
  page,
  livekit,
}) => {
  const name = await livekit.seedRoom(livekit.roomName('a11y-history'), [
    { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    { identity: 'bob' },
  ]);
  const sid = (await standin.room(name))!.room.sid;
  await livekit.control.leave(name, 'bob');

  await page.goto(`/history?q=${encodeURIComponent(name)}`);
  // Recorded from the webhooks a moment after they were sent.
  const row = page
    .getByRole('table', { name: /Room sessions/ })
    .getByRole('row', { name, exact: true });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/history/${sid}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const participants = page.getByRole('table', { name: /Participant sessions/ });
  await expect(participants.getByRole('row', { name: 'bob', exact: true })).toBeVisible();
  await expect(
    page.getByRole('list', { name: /Room activity/ }).getByText('bob left', { exact: true }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
