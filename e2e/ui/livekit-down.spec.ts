import { expect, LiveKitSeeder, test, uniqueSuffix } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { RoomsPage } from '../pages/rooms-page';
import { E2E } from '../support/ports';
import { startStandin, type Standin } from '@moderato/livekit-standin';
import type { Page } from '@playwright/test';

// This spec owns the outage dashboard (3101) and its LiveKit port (7891): nothing else acts on
// them, so what that dashboard knows, it learnt here.
test.describe.configure({ mode: 'serial' });
test.use({ baseURL: `http://127.0.0.1:${E2E.outageDashboardPort}` });

let standin: Standin | undefined;

test.afterAll(async () => {
  await standin?.close();
});

/** The outage is told once per page: one title, one message; the parts that need LiveKit wait quietly. */
async function expectOneOutageMessage(page: Page) {
  const main = page.getByRole('main');
  await expect(main.getByRole('alert')).toHaveCount(1);
  await expect(main.getByText('LiveKit is unreachable')).toHaveCount(1);
  await expect(main.getByText(/LIVEKIT_URL/)).toHaveCount(1);
  await expect(main.getByText(/^Waiting for LiveKit/).first()).toBeVisible();
}

test('a fresh dashboard explains Move/Forward on a self-hosted LiveKit before anyone tries', async ({
  page,
  request,
}) => {
  standin ??= await startStandin({ port: E2E.outageLivekitPort });
  const seeder = new LiveKitSeeder(standin.url, `outage-${uniqueSuffix()}`);
  const name = await seeder.seedRoom(seeder.roomName('move'), [{ identity: 'alice' }]);

  const room = new RoomPage(page);
  await room.goto(name);
  await page.getByRole('button', { name: 'Actions for alice' }).click();
  const item = page.getByRole('menuitem', { name: 'Move or forward alice to another room' });
  await expect(item).toBeDisabled();
  await expect(item).toContainText('needs LiveKit Cloud');
  await page.keyboard.press('Escape');

  // Learnt by asking the server, not from a failed move: this dashboard never moved anyone.
  const status = await (await request.get('/api/v1/livekit/status')).json();
  expect(status.capabilities).toEqual({ moveParticipant: 'unsupported' });
  const audit = await (await request.get('/api/v1/audit?action=participant.moved')).json();
  expect(audit.events).toEqual([]);
  expect((await seeder.state()).rooms.find((r) => r.room.name === name)?.participants).toHaveLength(
    1,
  );
  await seeder.cleanup();
});

test('explains a LiveKit outage once per page and recovers when LiveKit returns', async ({
  page,
}) => {
  test.setTimeout(60_000);
  standin ??= await startStandin({ port: E2E.outageLivekitPort });
  const seeder = new LiveKitSeeder(standin.url, `outage-${uniqueSuffix()}`);
  const before = await seeder.seedRoom(seeder.roomName('before'), [{ identity: 'alice' }]);

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

  // A fresh load during the outage renders the banner and compact states instead of crashing.
  await page.reload();
  await expect(banner).toBeVisible();
  await expectOneOutageMessage(page);
  await expect(page.getByRole('main')).not.toContainText(/at .*\.(js|ts):\d+/);

  // The room page needs LiveKit in two places (its facts, its participants): still one message.
  await new RoomPage(page).goto(before);
  await expect(page.getByRole('heading', { level: 1, name: before })).toBeVisible();
  await expectOneOutageMessage(page);

  standin = await startStandin({ port: E2E.outageLivekitPort });
  const after = await new LiveKitSeeder(standin.url, `outage-${uniqueSuffix()}`).seedRoom(
    `outage-after-${uniqueSuffix()}`,
  );
  await rooms.goto();
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await expect(rooms.row(after)).toBeVisible({ timeout: 15_000 });
});
