import type { APIRequestContext, Page } from '@playwright/test';

import {
  signWebhookBody,
  webhookBody,
  webhookEvents,
  type EventOptions,
} from '../../lib/livekit/webhook-fixtures';
import { expect, LiveKitSeeder, test, uniqueSuffix } from '../fixtures';
import { Standin } from '../moderation/support';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

// Webhooks are fast but not to be trusted alone (docs/livekit-behaviour.md, "Webhooks"): they can
// be lost or arrive out of order. Reconciliation (lib/live/reconciler.ts) keeps the view right.

const liveIndicator = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Live|Connecting…|Reconnecting…)$/ });

/** A delivery signed with the dashboard's key, as LiveKit would make it (e2e/api/webhooks.spec.ts). */
async function deliver(
  request: APIRequestContext,
  event: ReturnType<(typeof webhookEvents)[keyof typeof webhookEvents]>,
) {
  const body = webhookBody(event);
  const response = await request.post('/api/livekit/webhook', {
    data: body,
    headers: {
      'content-type': 'application/webhook+json',
      authorization: await signWebhookBody(body, { apiKey: 'devkey', secret: 'secret' }),
    },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { outcome: string; published: number };
}

test.describe('reconciliation heals what webhooks miss', () => {
  test.use({ account: 'moderator' });

  test('a participant whose participant_left was lost leaves the view on its own', async ({
    page,
    livekit,
    request,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('lost-left'), [{ identity: 'alice' }]);
    const roomSid = (await livekit.control.room(name))!.room.sid;
    const room = new RoomPage(page);
    await room.goto(name);
    await expect(room.row('alice')).toBeVisible();
    await expect(liveIndicator(page)).toHaveText('Live');

    // A join LiveKit reported, whose leave never arrived: the participant is not in the room.
    const ghost: EventOptions = {
      roomName: name,
      roomSid,
      identity: 'ghost',
      // Unique per run: a sid that left stays refused for a while (lib/live/known-state.ts).
      participantSid: `PA_ghost${uniqueSuffix()}`,
    };
    expect(await deliver(request, webhookEvents.participantJoined(ghost))).toMatchObject({
      outcome: 'accepted',
    });
    // The row may last only until the next reconciliation, too briefly to be seen on a busy
    // machine; the timeline keeps both facts.
    const timeline = page.getByRole('list', { name: /Room activity/ });
    await expect(timeline.getByText('ghost joined')).toBeVisible();
    // The next reconciliation lists the room without it and says it left.
    await expect(timeline.getByText('ghost left')).toBeVisible({ timeout: 10_000 });
    await expect(room.row('ghost')).toHaveCount(0);
    await expect(room.row('alice')).toBeVisible();
  });

  test('a join delivered after its own leave does not bring the participant back', async ({
    page,
    livekit,
    request,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('out-of-order'), [{ identity: 'alice' }]);
    const roomSid = (await livekit.control.room(name))!.room.sid;
    const room = new RoomPage(page);
    await room.goto(name);
    await expect(room.row('alice')).toBeVisible();
    await expect(liveIndicator(page)).toHaveText('Live');

    // LiveKit sends each participant's events in order, but deliveries can overtake each other.
    const carol: EventOptions = {
      roomName: name,
      roomSid,
      identity: 'carol',
      participantSid: `PA_carol${uniqueSuffix()}`,
    };
    await deliver(request, webhookEvents.participantLeft(carol));
    await deliver(request, webhookEvents.participantJoined(carol));
    // Something that happens after both, through the same path, shows they were processed.
    await livekit.addParticipant(name, { identity: 'dave' });
    await expect(room.row('dave')).toBeVisible();
    await expect(room.row('carol')).toHaveCount(0);
  });
});

test.describe('without webhooks', () => {
  // The Cloud-mode stand-in of playwright.config.ts delivers no webhooks to its dashboard.
  const standin = new Standin(`http://127.0.0.1:${E2E.cloudLivekitPort}`);
  test.use({ account: 'moderator', baseURL: `http://127.0.0.1:${E2E.cloudDashboardPort}` });

  let livekit: LiveKitSeeder;
  test.beforeEach(() => {
    livekit = new LiveKitSeeder(standin.url, `nowh-${uniqueSuffix()}`);
  });
  test.afterEach(async () => {
    await livekit.cleanup();
  });

  test('joins and leaves still reach an open room page, through reconciliation', async ({
    page,
  }) => {
    const name = await livekit.seedRoom(livekit.roomName('rec'), [{ identity: 'alice' }]);
    const room = new RoomPage(page);
    await room.goto(name);
    await expect(room.row('alice')).toBeVisible();
    // Live, so rows come from pushed events and not from the polling fallback.
    await expect(liveIndicator(page)).toHaveText('Live');

    // Within a reconciliation interval (2 s here), with room for a loaded CI machine.
    const reconciled = { timeout: 15_000 };
    await livekit.addParticipant(name, { identity: 'bob' });
    await expect(room.row('bob')).toBeVisible(reconciled);
    await livekit.control.leave(name, 'alice');
    await expect(room.row('alice')).toHaveCount(0, reconciled);
    await expect(liveIndicator(page)).toHaveText('Live');
  });
});
