import { expect, LiveKitSeeder, test, uniqueSuffix } from '../fixtures';
import { RoomsPage } from '../pages/rooms-page';
import { E2E } from '../support/ports';
import { startStandin, type Standin } from '@moderato/livekit-standin';

// This spec owns the outage dashboard (3101) and its LiveKit port (7891).
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: `http://127.0.0.1:${E2E.outageDashboardPort}` });

let standin: Standin | undefined;

test.afterAll(async () => {
  await standin?.close();
});

test('explains a LiveKit outage in a banner and recovers when LiveKit returns', async ({
  page,
}) => {
  test.setTimeout(60_000);
  standin = await startStandin({ port: E2E.outageLivekitPort });
  const seeder = new LiveKitSeeder(standin.url, `outage-${uniqueSuffix()}`);
  const before = await seeder.seedRoom(seeder.roomName('before'));

  const rooms = new RoomsPage(page);
  await rooms.goto();
  const banner = page.getByRole('main').getByRole('alert');
  await expect(rooms.row(before)).toBeVisible();
  await expect(banner).toHaveCount(0);

  await standin.close();
  standin = undefined;
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText(`127.0.0.1:${E2E.outageLivekitPort}`);
  await expect(banner).toContainText('LIVEKIT_URL');

  // A fresh load during the outage renders an inline error state instead of crashing.
  await page.reload();
  await expect(banner).toBeVisible();
  await expect(page.getByText('LiveKit is unreachable').first()).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(/at .*\.(js|ts):\d+/);

  standin = await startStandin({ port: E2E.outageLivekitPort });
  const after = await new LiveKitSeeder(standin.url, `outage-${uniqueSuffix()}`).seedRoom(
    `outage-after-${uniqueSuffix()}`,
  );
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await expect(rooms.row(after)).toBeVisible({ timeout: 15_000 });
});
