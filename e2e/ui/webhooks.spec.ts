import { expect, test } from '../fixtures';
import { seriousViolations } from '../support/axe';

// The e2e stand-in delivers signed webhooks to this dashboard (playwright.config.ts), as a LiveKit
// configured for Moderato does.

test.afterEach(async ({ livekit }) => {
  await livekit.cleanup();
});

test('an admin sees the setup and a delivery the stand-in made for a join', async ({
  page,
  livekit,
}) => {
  await page.goto('/webhooks');
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
  const setup = page.getByRole('region', { name: 'Setup' });
  await expect(setup.getByLabel('Receiver URL')).toHaveText(
    /^http:\/\/127\.0\.0\.1:\d+\/api\/livekit\/webhook$/,
  );
  await expect(setup.getByLabel('LiveKit webhook configuration')).toContainText('api_key: devkey');

  const roomName = await livekit.seedRoom(livekit.roomName('webhooks'), [{ identity: 'alice' }]);
  const row = page
    .getByRole('table', { name: /Recent webhook deliveries/ })
    .getByRole('row')
    .filter({ hasText: 'participant_joined' })
    .filter({ hasText: roomName })
    .first();
  // The page lists the latest deliveries of every sender and reads them every few seconds: a burst
  // from a spec alongside (one seeds 120 rooms) can push a join out before a read, so someone else
  // joins until one shows.
  let joins = 0;
  await expect(async () => {
    if (joins > 0) await livekit.addParticipant(roomName, { identity: `guest-${joins}` });
    joins += 1;
    await expect(row).toBeVisible({ timeout: 5_000 });
    await expect(row).toContainText('Accepted', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  const status = page.getByRole('region', { name: 'Status' });
  await expect(status.getByText('Healthy')).toBeVisible();
  await expect(status.getByText('Last good delivery')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Webhooks page is linked in the navigation for admins', async ({ page }) => {
  await page.goto('/rooms');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Webhooks' }).click();
  await expect(page).toHaveURL(/\/webhooks$/);
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
});

test.describe('moderator', () => {
  test.use({ account: 'moderator' });

  test('has no Webhooks link and gets not found for the page', async ({ page }) => {
    await page.goto('/rooms');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Rooms' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Webhooks' })).toHaveCount(0);
    await page.goto('/webhooks');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});
