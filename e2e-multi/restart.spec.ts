import type { APIRequestContext, Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { startInstance, stopProcess } from './support/cluster';
import { participantFacts, roomSession } from './support/history';

/**
 * Session history outlives the instance that wrote it. Instance A receives the webhooks and writes
 * the sessions; it is stopped (SIGTERM, as a deploy does) and started again on the same store.
 */

const enc = encodeURIComponent;

function sessionRow(page: Page, roomName: string) {
  return page
    .getByRole('table', { name: /Room sessions/ })
    .getByRole('row', { name: roomName, exact: true });
}

/** What a session says, minus the running durations of a live one. */
async function sessionFacts(api: APIRequestContext, roomSid: string) {
  const { session, participants } = await roomSession(api, roomSid);
  const { live, startedAtMs, endedAtMs, peakParticipants } = session;
  return {
    live,
    startedAtMs,
    endedAtMs,
    peakParticipants,
    participants: participantFacts(participants),
  };
}

test('history survives a restart: the same sessions and participants are listed, and recording goes on', async ({
  livekit,
  apiOn,
  pageOn,
}) => {
  // Two instance restarts' worth of waiting on a shared, busy machine.
  test.setTimeout(150_000);
  const onB = await apiOn('b');
  const sidOf = async (roomName: string) => (await livekit.control.room(roomName))!.room.sid;

  // An ended session and a live one, from the webhooks A receives.
  const ended = await livekit.seedRoom(livekit.roomName('ended'), [{ identity: 'alice' }]);
  const endedSid = await sidOf(ended);
  await livekit.deleteRoom(ended);
  const live = await livekit.seedRoom(livekit.roomName('live'), [
    { identity: 'dave' },
    { identity: 'erin' },
  ]);
  const liveSid = await sidOf(live);
  await livekit.control.leave(live, 'erin');

  let before!: Record<'ended' | 'live', Awaited<ReturnType<typeof sessionFacts>>>;
  await expect(async () => {
    before = { ended: await sessionFacts(onB, endedSid), live: await sessionFacts(onB, liveSid) };
    expect(before.ended).toMatchObject({
      live: false,
      participants: [{ identity: 'alice', leaveReason: 'ROOM_DELETED' }],
    });
    expect(before.live).toMatchObject({
      live: true,
      peakParticipants: 2,
      participants: [
        { identity: 'dave', leftAtMs: null },
        { identity: 'erin', leaveReason: 'CLIENT_INITIATED' },
      ],
    });
  }).toPass({ timeout: 15_000 });

  const page = await pageOn('a');
  const listed = async () => {
    await page.goto(`/history?q=${enc(livekit.roomName(''))}`);
    await expect(page).toHaveURL(/\/history\?/);
    await expect(sessionRow(page, ended)).toHaveCount(1);
    await expect(sessionRow(page, live)).toHaveCount(1);
  };
  await listed();

  // A is stopped as a deploy stops it (SIGTERM; killed if it is not gone in 15 s: what it keeps
  // must not depend on a clean exit). The page leaves first so no live stream is open on A.
  await page.goto('about:blank');
  await stopProcess('a');
  // Meanwhile the other instance answers from the same store.
  expect(await sessionFacts(onB, endedSid)).toEqual(before.ended);
  await startInstance('a');

  // The browser signed in before the restart still is (its session is a row in the store).
  await listed();
  // The restarted A is back on the webhook path: a join it receives is written as before.
  await livekit.addParticipant(live, { identity: 'frank' });
  await expect(async () => {
    const { participants } = await roomSession(onB, liveSid);
    expect(participants.map((p) => p.identity).sort()).toEqual(['dave', 'erin', 'frank']);
  }).toPass({ timeout: 15_000 });

  // By now A's start-up work (closing sessions whose rooms ended while it was down, pruning) is
  // long done: it kept the ended session as it was, and the live one open with its participants.
  const onA = await apiOn('a');
  expect(await sessionFacts(onA, endedSid)).toEqual(before.ended);
  const after = await sessionFacts(onA, liveSid);
  expect(after).toMatchObject({ ...before.live, participants: expect.any(Array) });
  expect(after.participants.filter((p) => p.identity !== 'frank')).toEqual(
    before.live.participants,
  );
});
