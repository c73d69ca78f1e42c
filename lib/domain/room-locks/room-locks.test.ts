import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { ParticipantJson } from '@moderato/livekit-standin/client';

import { ROOM_LOCKED_TOPIC } from '@/lib/contracts/room-locks';
import { queryAuditEvents } from '@/lib/db/audit';
import { findRoomLock } from '@/lib/db/room-locks';
import * as livekit from '@/lib/livekit/room-service';
import {
  codeOf,
  received,
  startTestLiveKit,
  testActor,
  uniqueRoom,
  type TestLiveKit,
} from '@/test/standin';

import { disableMicrophoneRestrictions } from '../moderation/disable-microphone-restrictions';
import { enableMicrophoneRestrictions } from '../moderation/enable-microphone-restrictions';
import { updatePermissions } from '../participants/update-permissions';
import { runOperation as run } from '../run-operation';
import { enforceRoomLock } from './enforce-room-lock';
import { getRoomLock } from './get-room-lock';
import { listRoomLocks } from './list-room-locks';
import { lockRoom } from './lock-room';
import { resumeActivity } from './resume-activity';
import { suspendActivity } from './suspend-activity';
import { unlockRoom } from './unlock-room';

// Room locks and Suspend/Resume through the real SDK against the stand-in; effects read from the
// stand-in's state and the participants' `received` logs.
let lk: TestLiveKit;
let roomName: string;
const moderator = testActor('moderator');
const viewer = testActor('viewer');

const MIC = { type: 'AUDIO', source: 'MICROPHONE' } as const;
const CAMERA = { type: 'VIDEO', source: 'CAMERA' } as const;
const SCREEN = { type: 'VIDEO', source: 'SCREEN_SHARE' } as const;

beforeAll(async () => {
  lk = await startTestLiveKit();
});
afterAll(async () => {
  await lk?.close();
});

beforeEach(async () => {
  roomName = uniqueRoom('lock');
  await lk.rooms.createRoom({ name: roomName, metadata: JSON.stringify({ auth_id: 'acme' }) });
  await lk.join({ room: roomName, identity: 'alice', tracks: [MIC, CAMERA] });
});

async function participant(identity: string): Promise<ParticipantJson> {
  const p = await lk.control.participant(roomName, identity);
  if (!p) throw new Error(`${identity} is not in ${roomName}`);
  return p;
}

async function identities(): Promise<string[]> {
  return (await lk.rooms.listParticipants(roomName)).map((p) => p.identity).sort();
}

/** The join as enforcement sees it (what a webhook's participant.joined carries). */
async function seenJoin(identity: string) {
  const p = await livekit.getParticipant(roomName, identity);
  return enforceRoomLock({ roomName, tenant: 'acme', participant: p, via: 'test' });
}

describe('enforcement racing an unlock', () => {
  it('a lock read before the room was unlocked removes nobody', async () => {
    await run(lockRoom, moderator, { roomName });
    // What the leader's sweep read just before a moderator unlocked (or resumed) the room.
    const stale = await findRoomLock(roomName);
    await run(unlockRoom, moderator, { roomName });
    const alice = await livekit.getParticipant(roomName, 'alice');
    const outcome = await enforceRoomLock({
      roomName,
      tenant: 'acme',
      participant: alice,
      via: 'sweep',
      lock: stale!,
    });
    expect(outcome).toBe('unlocked');
    expect(await identities()).toEqual(['alice']);
  });
});

describe('lockRoom', () => {
  it('lets those in the room stay and removes a joiner, telling them why first', async () => {
    const lock = await run(lockRoom, moderator, { roomName });
    expect(lock).toMatchObject({
      roomName,
      locked: true,
      allowList: [],
      lockedBy: 'moderator',
      suspended: false,
    });
    expect(await seenJoin('alice')).toBe('admitted');

    await lk.join({ room: roomName, identity: 'eve' });
    expect(await seenJoin('eve')).toBe('removed');
    expect(await identities()).toEqual(['alice']);
    const log = await received(lk, roomName, 'eve');
    const notice = log.findIndex((e) => e.type === 'data' && e.topic === ROOM_LOCKED_TOPIC);
    expect(notice).toBeGreaterThanOrEqual(0);
    expect(log.findIndex((e) => e.type === 'leave')).toBeGreaterThan(notice);
    const entry = log[notice]!;
    if (entry.type !== 'data') throw new Error('not data');
    expect(entry).toMatchObject({ kind: 'RELIABLE', destinationIdentities: ['eve'] });
    expect(JSON.parse(Buffer.from(entry.payload, 'base64').toString())).toMatchObject({
      type: 'room_locked',
      roomName,
    });

    const { events } = await queryAuditEvents({ roomName, action: 'participant.lock_enforced' });
    expect(events).toEqual([
      expect.objectContaining({
        identity: 'eve',
        outcome: 'success',
        source: 'system',
        tenant: 'acme',
      }),
    ]);
    const locked = await queryAuditEvents({ roomName, action: 'room.locked' });
    expect(locked.events[0]).toMatchObject({ outcome: 'success', actorName: 'test-moderator' });
  });

  it('lets the allow-list, moderators, agents, egress and recorders join', async () => {
    await run(lockRoom, moderator, { roomName, allowList: ['vip'] });
    await lk.join({ room: roomName, identity: 'vip' });
    await lk.join({ room: roomName, identity: 'mod', attributes: { role: 'moderator' } });
    await lk.join({ room: roomName, identity: 'watcher', permission: { hidden: true } });
    await lk.join({ room: roomName, identity: 'moderato:u1' });
    await lk.join({ room: roomName, identity: 'bot', kind: 'AGENT' });
    await lk.join({ room: roomName, identity: 'rec', kind: 'EGRESS' });
    for (const id of ['vip', 'mod', 'watcher', 'moderato:u1', 'bot', 'rec']) {
      expect(await seenJoin(id), id).toBe('exempt');
    }
    // Locking again replaces the allow-list; whoever is in stays.
    const relocked = await run(lockRoom, moderator, { roomName, allowList: ['other'] });
    expect(relocked.allowList).toEqual(['other']);
    expect(await identities()).toHaveLength(7);
  });

  it('is refused to a viewer, changes nothing, and another tenant’s room is not found', async () => {
    expect(await codeOf(run(lockRoom, viewer, { roomName }))).toBe('forbidden');
    expect((await run(getRoomLock, viewer, { roomName })).locked).toBe(false);
    expect(await codeOf(run(lockRoom, testActor('moderator', 'globex'), { roomName }))).toBe(
      'not_found',
    );
    expect(await codeOf(run(lockRoom, moderator, { roomName, allowList: [''] }))).toBe(
      'invalid_input',
    );
  });

  it('is listed for those who see the room, and unlocking lets joiners stay', async () => {
    await run(lockRoom, moderator, { roomName });
    const mine = (await run(listRoomLocks, viewer, {})).locks.map((l) => l.roomName);
    expect(mine).toContain(roomName);
    const theirs = await run(listRoomLocks, testActor('viewer', 'globex'), {});
    expect(theirs.locks.map((l) => l.roomName)).not.toContain(roomName);

    const unlocked = await run(unlockRoom, moderator, { roomName });
    expect(unlocked.locked).toBe(false);
    await lk.join({ room: roomName, identity: 'eve' });
    expect(await seenJoin('eve')).toBe('unlocked');
    expect(await identities()).toEqual(['alice', 'eve']);
    // Harmless again.
    expect((await run(unlockRoom, moderator, { roomName })).locked).toBe(false);
  });
});

describe('suspendActivity and resumeActivity', () => {
  beforeEach(async () => {
    // bob: explicit sources, no data, may update metadata; carol: sharing her screen;
    // dave: may publish nothing but data; a moderator and an agent are left alone.
    await lk.join({
      room: roomName,
      identity: 'bob',
      permission: {
        canPublish: true,
        canSubscribe: true,
        canPublishData: false,
        canUpdateMetadata: true,
        canPublishSources: ['MICROPHONE', 'CAMERA'],
      },
      tracks: [MIC],
    });
    await lk.join({ room: roomName, identity: 'carol', tracks: [MIC, SCREEN] });
    await lk.join({
      room: roomName,
      identity: 'dave',
      permission: { canPublish: false, canSubscribe: true, canPublishData: true },
    });
    await lk.join({
      room: roomName,
      identity: 'mod',
      attributes: { role: 'moderator' },
      tracks: [MIC],
    });
    await lk.join({ room: roomName, identity: 'bot', kind: 'AGENT', tracks: [MIC] });
  });

  const people = ['alice', 'bob', 'carol', 'dave'];

  async function permissions(ids: string[]) {
    return Object.fromEntries(
      await Promise.all(ids.map(async (id) => [id, (await participant(id)).permission])),
    );
  }

  it('silences everyone but moderators and agents, and Resume restores every permission exactly', async () => {
    const before = await permissions([...people, 'mod', 'bot']);
    const aliceMic = await lk.control.track(roomName, 'alice', 'MICROPHONE');

    const { lock, report } = await run(suspendActivity, moderator, { roomName });
    expect(lock).toMatchObject({
      locked: true,
      suspended: true,
      unlockOnResume: true,
      suspendedBy: 'moderator',
    });
    expect(lock.suspendedIdentities.sort()).toEqual(people);
    expect(report).toMatchObject({ total: 4, succeeded: 4, failed: [], cancelled: 0 });
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { identity: 'mod', reason: 'moderator' },
        { identity: 'bot', reason: 'agent' },
      ]),
    );

    // Muted first (the app hears it), then no publishing at all: LiveKit unpublished the tracks.
    const aliceLog = await received(lk, roomName, 'alice');
    expect(aliceLog).toContainEqual(
      expect.objectContaining({ type: 'mute', trackSid: aliceMic.sid, muted: true }),
    );
    for (const id of people) {
      const p = await participant(id);
      expect(p.permission, id).toMatchObject({ can_publish: false, can_publish_data: false });
      expect(p.tracks, id).toEqual([]);
      // Every other field as it was.
      const { can_publish: _a, can_publish_data: _b, ...rest } = p.permission!;
      const { can_publish: _c, can_publish_data: _d, ...restBefore } = before[id]!;
      expect(rest, id).toEqual(restBefore);
    }
    expect((await permissions(['mod', 'bot'])) as unknown).toEqual({
      mod: before.mod,
      bot: before.bot,
    });
    expect((await lk.control.track(roomName, 'mod', 'MICROPHONE')).muted).toBe(false);

    // A joiner during the suspension is removed by its lock.
    await lk.join({ room: roomName, identity: 'eve' });
    expect(await seenJoin('eve')).toBe('removed');
    expect(await codeOf(run(unlockRoom, moderator, { roomName }))).toBe('conflict');

    const resumed = await run(resumeActivity, moderator, { roomName });
    expect(resumed.report).toMatchObject({ total: 4, succeeded: 4, failed: [] });
    expect(resumed.lock).toMatchObject({
      locked: false,
      suspended: false,
      suspendedIdentities: [],
    });
    expect(await permissions([...people, 'mod', 'bot'])).toEqual(before);

    const rows = await queryAuditEvents({ roomName, action: 'participant.suspended' });
    expect(rows.events).toHaveLength(4);
    expect(rows.events.find((e) => e.identity === 'bob')?.params).toMatchObject({
      outcome: 'suspended',
      previous: { canPublish: true, canPublishSources: ['MICROPHONE', 'CAMERA'] },
    });
    expect((await queryAuditEvents({ roomName, action: 'room.resumed' })).events[0]).toMatchObject({
      outcome: 'success',
      params: expect.objectContaining({ unlocked: true, succeeded: 4 }),
    });
    // Harmless again, and a room that was not locked before stays unlocked.
    expect((await run(resumeActivity, moderator, { roomName })).report.total).toBe(0);
    expect(await permissions([...people, 'mod', 'bot'])).toEqual(before);
  });

  it('gives back only what it took when someone changed a permission in between', async () => {
    const before = await permissions(people);
    await run(suspendActivity, moderator, { roomName });
    // A moderator lets dave share his camera and bob send data during the suspension.
    await run(updatePermissions, moderator, {
      roomName,
      identity: 'dave',
      permission: { canPublish: true, canPublishSources: ['CAMERA'] },
    });
    await run(updatePermissions, moderator, {
      roomName,
      identity: 'bob',
      permission: { canPublishData: true },
    });
    // And makes carol hidden: a field the suspension never touched.
    await run(updatePermissions, moderator, {
      roomName,
      identity: 'carol',
      permission: { hidden: true },
    });

    await run(resumeActivity, moderator, { roomName });
    const after = await permissions(people);
    expect(after.alice).toEqual(before.alice);
    // bob: his sources and publishing back; data stays what the moderator set.
    expect(after.bob).toEqual({ ...before.bob, can_publish_data: true });
    // carol: her rights back, still hidden.
    expect(after.carol).toEqual({ ...before.carol, hidden: true });
    // dave had no publishing to take: the camera he was given stays, his data comes back.
    expect(after.dave).toMatchObject({
      can_publish: true,
      can_publish_sources: ['CAMERA'],
      can_publish_data: true,
    });
  });

  it('keeps a lock that was there before, and suspends only once', async () => {
    await run(lockRoom, moderator, { roomName, allowList: ['vip'] });
    const first = await run(suspendActivity, moderator, { roomName });
    expect(first.lock).toMatchObject({ unlockOnResume: false, allowList: ['vip'] });
    // The allow-listed may join and is suspended by the next suspend; the rest are already.
    await lk.join({ room: roomName, identity: 'vip', tracks: [MIC] });
    expect(await seenJoin('vip')).toBe('exempt');
    const again = await run(suspendActivity, moderator, { roomName });
    expect(again.report).toMatchObject({ total: 5, succeeded: 5 });
    expect((await participant('vip')).permission).toMatchObject({ can_publish: false });
    const rows = await queryAuditEvents({ roomName, action: 'participant.suspended' });
    const outcomes = rows.events.map((e) => (e.params as { outcome: string }).outcome);
    expect(outcomes.filter((o) => o === 'suspended')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'already')).toHaveLength(4);

    const resumed = await run(resumeActivity, moderator, { roomName });
    expect(resumed.lock).toMatchObject({ locked: true, suspended: false, allowList: ['vip'] });
    expect((await participant('vip')).permission).toMatchObject({ can_publish: true });
  });

  it('is refused to a viewer and changes nothing', async () => {
    const before = await permissions(people);
    expect(await codeOf(run(suspendActivity, viewer, { roomName }))).toBe('forbidden');
    expect(await codeOf(run(resumeActivity, viewer, { roomName }))).toBe('forbidden');
    expect(await permissions(people)).toEqual(before);
    expect((await run(getRoomLock, viewer, { roomName })).locked).toBe(false);
  });
});

describe('suspension and microphone restrictions together', () => {
  it('restrictions lifted during a suspension: Resume gives the microphone back too', async () => {
    const before = (await participant('alice')).permission;
    await run(enableMicrophoneRestrictions, moderator, { roomName, unrestrictedParticipants: [] });
    expect((await participant('alice')).permission?.can_publish_sources).not.toContain(
      'MICROPHONE',
    );
    await run(suspendActivity, moderator, { roomName });
    await run(disableMicrophoneRestrictions, moderator, { roomName });
    // Still suspended: nothing to publish until Resume.
    expect((await participant('alice')).permission?.can_publish).toBe(false);
    await run(resumeActivity, moderator, { roomName });
    expect((await participant('alice')).permission).toEqual(before);
  });
});
