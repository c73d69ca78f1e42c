import type { Page } from '@playwright/test';

import { RoomPage } from '../e2e/pages/room-page';

import { expect, test } from './fixtures';
import {
  participantFacts,
  publisherOf,
  roomSession,
  roomSessions,
  sessionEvents,
} from './support/history';
import { liveEvents, liveIndicator, recordLiveEvents } from './support/live';

/**
 * Two instances behind one Redis and one PostgreSQL. The stand-in delivers its webhooks to
 * instance A only, on A's dedicated webhook port (MODERATO_WEBHOOK_PORT,
 * e2e-multi/support/cluster.ts), so whatever B shows of a join came from A.
 */

const enc = encodeURIComponent;

/** The History page's row of one session, and its cells. */
function sessionRow(page: Page, roomName: string) {
  return page
    .getByRole('table', { name: /Room sessions/ })
    .getByRole('row', { name: roomName, exact: true });
}

test('a webhook delivered to instance A reaches a browser on instance B without reload', async ({
  livekit,
  pageOn,
}) => {
  const page = await pageOn('b');
  await recordLiveEvents(page);
  const name = await livekit.seedRoom(livekit.roomName('join'), [{ identity: 'alice' }]);
  const room = new RoomPage(page);
  await room.goto(name);
  await expect(room.row('alice')).toBeVisible();
  // The stream is up, so nothing polls: the row can only come from a pushed event.
  await expect(liveIndicator(page)).toHaveText('Live');
  await expect(room.row('bob')).toHaveCount(0);

  await livekit.addParticipant(name, {
    identity: 'bob',
    tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
  });
  await expect(room.row('bob')).toBeVisible();
  await expect(room.row('bob').getByText('Microphone', { exact: true })).toBeVisible();

  // What B's stream carried was A's webhook, passed on through Redis: B receives no webhooks, and
  // reconciliation (a minute apart here) did not list the room first.
  const joins = (await liveEvents(page)).filter(
    (event) =>
      event.type === 'participant.joined' &&
      event.roomName === name &&
      event.participant.identity === 'bob',
  );
  expect(joins[0]?.origin).toBe('webhook');

  // And a leave delivered to A takes the row away on B.
  await livekit.control.leave(name, 'alice');
  await expect(room.row('alice')).toHaveCount(0);
});

test('history written by both instances is one session, the same whichever instance is asked', async ({
  livekit,
  apiOn,
  pageOn,
}) => {
  // Several waits for the store on a shared, busy machine.
  test.setTimeout(90_000);
  const onA = await apiOn('a');
  const onB = await apiOn('b');

  // The joins reach A as webhooks: A publishes them and writes them.
  const name = await livekit.seedRoom(livekit.roomName('history'), [
    { identity: 'alice' },
    { identity: 'bob' },
  ]);
  const sid = (await livekit.control.room(name))!.room.sid;
  /** Waits until the store has these participants, and these of them gone. */
  const recorded = async (identities: string[], gone: string[] = []) => {
    await expect(async () => {
      const { participants } = await roomSession(onB, sid);
      expect(participants.map((p) => p.identity).sort()).toEqual(identities);
      const left = participants.filter((p) => p.leftAtMs !== null).map((p) => p.identity);
      expect(left.sort()).toEqual(gone);
    }).toPass({ timeout: 15_000 });
  };
  await recorded(['alice', 'bob']);

  // A moderator on B removes bob: B publishes the action and its effect, and writes those.
  const removed = await onB.delete(`/api/v1/rooms/${enc(name)}/participants/bob`);
  expect(removed.ok(), await removed.text()).toBe(true);
  // Steps wait for the store, so the peak is the same whichever instance writes first.
  await recorded(['alice', 'bob'], ['bob']);
  await livekit.addParticipant(name, { identity: 'carol' });
  await recorded(['alice', 'bob', 'carol'], ['bob']);
  // …and deletes the room: B finishes the session at once, A's webhooks for it come after.
  const deleted = await onB.delete(`/api/v1/rooms/${enc(name)}`);
  expect(deleted.ok(), await deleted.text()).toBe(true);

  const expected = [
    { identity: 'alice', leaveReason: 'ROOM_DELETED' },
    { identity: 'bob', leaveReason: 'PARTICIPANT_REMOVED' },
    { identity: 'carol', leaveReason: 'ROOM_DELETED' },
  ];
  for (const api of [onA, onB]) {
    await expect(async () => {
      const sessions = await roomSessions(api, name);
      expect(sessions).toHaveLength(1);
      expect(sessions[0]).toMatchObject({
        roomSid: sid,
        live: false,
        peakParticipants: 2,
        totalParticipants: 3,
      });
      const facts = participantFacts((await roomSession(api, sid)).participants);
      expect(facts).toMatchObject(expected);
      for (const fact of facts) expect(fact.leftAtMs).not.toBeNull();
    }).toPass({ timeout: 15_000 });
  }
  expect(await roomSession(onA, sid)).toEqual(await roomSession(onB, sid));

  // Both wrote: the joins came from A's webhooks, the moderator's actions from B.
  const events = await sessionEvents(onA, name, sid);
  const publishers = (type: string) =>
    new Set(events.filter((e) => e.type === type).map((e) => publisherOf(e.id)));
  const joinedBy = publishers('participant.joined');
  const actedBy = publishers('moderation.action');
  expect(joinedBy.size).toBe(1);
  expect(actedBy.size).toBe(1);
  expect([...actedBy]).not.toEqual([...joinedBy]);

  // The History page of either instance lists the session once, ended, with its counts.
  for (const instance of ['a', 'b'] as const) {
    const page = await pageOn(instance);
    await page.goto(`/history?q=${enc(name)}`);
    const row = sessionRow(page, name);
    await expect(row).toHaveCount(1);
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[3]).not.toBe('Live');
    expect(cells.slice(5)).toEqual(['2', '3']);
  }
});
