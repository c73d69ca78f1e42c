import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { queryAuditEvents } from '@/lib/db/audit';
import {
  codeOf,
  received,
  startTestLiveKit,
  testActor,
  uniqueRoom,
  type TestLiveKit,
} from '@/test/standin';

import { defineOperation } from './operation';
import { muteTrack } from './participants/mute-track';
import { updatePermissions } from './participants/update-permissions';
import { listRooms } from './rooms/list-rooms';
import { runForEach, runOperation } from './run-operation';

// The runner's own guarantees, through the real SDK against the stand-in: composition writes one
// audit row, bulk runs are bounded and report per target, refused reads are audited.
let lk: TestLiveKit;
let roomName: string;
const moderator = testActor('moderator');
const viewer = testActor('viewer');

/** A composed command: mute the microphone and take the right to publish it, as one action. */
const silence = defineOperation({
  name: 'silenceParticipant',
  summary: 'test: mute and restrict',
  tag: 'Participants',
  input: z.strictObject({ roomName: z.string(), identity: z.string(), trackSid: z.string() }),
  output: null,
  permission: 'participants.update',
  http: { method: 'POST', path: '/test/silence' },
  audit: { action: 'participant.silenced' },
  rooms: ({ roomName }) => [roomName],
  errors: [],
  async act({ run }, { roomName, identity, trackSid }) {
    await run(muteTrack, { roomName, identity, trackSid, muted: true });
    await run(updatePermissions, {
      roomName,
      identity,
      permission: { canPublishSources: ['CAMERA'] },
    });
    return null;
  },
});

async function mic(identity: string) {
  const participant = await lk.rooms.getParticipant(roomName, identity);
  return participant.tracks[0]!;
}

beforeAll(async () => {
  lk = await startTestLiveKit();
});
afterAll(async () => {
  await lk?.close();
});
beforeEach(async () => {
  roomName = uniqueRoom('runner');
  await lk.rooms.createRoom({ name: roomName });
  for (const identity of ['ann', 'ben', 'cat']) {
    await lk.join({ room: roomName, identity, tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] });
  }
});

describe('composed operations', () => {
  it('apply every step and write one audit row, the outer one', async () => {
    const { sid } = await mic('ann');
    await runOperation(silence, moderator, { roomName, identity: 'ann', trackSid: sid });
    expect(await received(lk, roomName, 'ann')).toContainEqual(
      expect.objectContaining({ type: 'mute', trackSid: sid, muted: true }),
    );
    const ann = await lk.rooms.getParticipant(roomName, 'ann');
    // Taking MICROPHONE away unpublishes the (already muted) microphone.
    expect(ann.tracks).toEqual([]);
    expect(ann.permission?.canPublishSources).toEqual([1]); // CAMERA only
    expect(ann.permission?.canSubscribe).toBe(true); // the rest of the permission is kept
    const { events } = await queryAuditEvents({ roomName });
    expect(events.map((e) => [e.action, e.outcome])).toEqual([['participant.silenced', 'success']]);
  });

  it('check each inner step’s permission too, and record the refusal once', async () => {
    // Allowed to update participants but not to mute: the inner mute is refused.
    const noMute = {
      ...moderator,
      permissions: new Set(['rooms.read', 'participants.update'] as const),
    };
    const { sid } = await mic('ben');
    expect(
      await codeOf(runOperation(silence, noMute, { roomName, identity: 'ben', trackSid: sid })),
    ).toBe('forbidden');
    expect((await mic('ben')).muted).toBe(false);
    const { events } = await queryAuditEvents({ roomName });
    expect(events.map((e) => [e.action, e.outcome])).toEqual([['participant.silenced', 'denied']]);
  });
});

describe('runForEach', () => {
  it('runs every target, reports each failure, and never exceeds the concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const probe = defineOperation({
      ...muteTrack,
      name: 'probeMute',
      act: async (context, input) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        try {
          return await muteTrack.act(context, input);
        } finally {
          inFlight -= 1;
        }
      },
    });
    const targets = await Promise.all(
      ['ann', 'ben', 'cat'].map(async (identity) => ({
        roomName,
        identity,
        trackSid: (await mic(identity)).sid,
        muted: true,
      })),
    );
    const inputs = [...targets, { ...targets[0]!, trackSid: 'TR_gone' }, { roomName }];
    const results = await runForEach(probe, moderator, inputs, { concurrency: 2 });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'ok',
      'ok',
      'not_found',
      'invalid_input',
    ]);
    expect(peak).toBeLessThanOrEqual(2);
    for (const identity of ['ann', 'ben', 'cat']) expect((await mic(identity)).muted).toBe(true);
    // One row per attempted target (bad input is refused before anything is recorded).
    const { events } = await queryAuditEvents({ roomName, action: 'track.muted' });
    expect(events).toHaveLength(4);
  });

  it('skips what has not started once cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const results = await runForEach(muteTrack, moderator, [{}, {}], { signal: controller.signal });
    expect(results.every((r) => !r.ok)).toBe(true);
  });
});

describe('reads', () => {
  it('are not audited when allowed, and audited as denied when refused', async () => {
    const restricted = { ...viewer, permissions: new Set<never>() };
    await runOperation(listRooms, viewer, {});
    expect(await codeOf(runOperation(listRooms, restricted, {}))).toBe('forbidden');
    const { events } = await queryAuditEvents({ action: 'rooms.listed' });
    expect(events.map((e) => e.outcome)).toEqual(['denied']);
  });
});
