import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { BAN_NOTICE_TOPIC } from '@/lib/contracts/bans';
import { queryAuditEvents } from '@/lib/db/audit';
import { insertBan } from '@/lib/db/bans';
import {
  codeOf,
  received,
  startTestLiveKit,
  testActor,
  uniqueRoom,
  type TestLiveKit,
} from '@/test/standin';

import { runOperation as run } from '../run-operation';

import { banParticipant } from './ban-participant';
import { findActiveBan, nameMatches } from './ban-rules';
import { liftBan } from './lift-ban';
import { listBans } from './list-bans';

// The ban operations through the real RoomServiceClient against the stand-in; effects checked in
// the stand-in's state and in the participant's `received` log.
let lk: TestLiveKit;
let roomName: string;
const moderator = testActor('moderator');
const viewer = testActor('viewer');
const acmeModerator = testActor('moderator', 'acme');
const globexModerator = testActor('moderator', 'globex');

const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));

beforeAll(async () => {
  lk = await startTestLiveKit();
});
afterAll(async () => {
  await lk?.close();
});

beforeEach(async () => {
  roomName = uniqueRoom('acme');
  await lk.rooms.createRoom({ name: roomName, metadata: JSON.stringify({ auth_id: 'acme' }) });
  await lk.join({ room: roomName, identity: 'mallory', name: 'Mallory Spam' });
  await lk.join({ room: roomName, identity: 'bob' });
});

async function identities(room = roomName): Promise<string[]> {
  return (await lk.rooms.listParticipants(room)).map((p) => p.identity);
}

describe('banParticipant', () => {
  it('tells the participant why, then removes them, stores the ban and audits one row', async () => {
    const result = await run(banParticipant, moderator, {
      roomName,
      identity: 'mallory',
      reason: 'Spamming the chat',
      durationSeconds: 3600,
    });
    expect(result.removed).toBe(true);
    expect(result.ban).toMatchObject({
      identity: 'mallory',
      roomName,
      tenant: 'acme',
      reason: 'Spamming the chat',
      createdBy: 'test-moderator',
      liftedAtMs: null,
    });
    expect(result.ban.expiresAtMs! - result.ban.createdAtMs).toBe(3600_000);
    expect(await identities()).toEqual(['bob']);

    // The notice comes first, addressed to them only; the removal after it.
    const log = await received(lk, roomName, 'mallory');
    const notice = log.findIndex((e) => e.type === 'data' && e.topic === BAN_NOTICE_TOPIC);
    const leave = log.findIndex((e) => e.type === 'leave');
    expect(notice).toBeGreaterThanOrEqual(0);
    expect(leave).toBeGreaterThan(notice);
    const entry = log[notice]!;
    if (entry.type !== 'data') throw new Error('not data');
    expect(entry.kind).toBe('RELIABLE');
    expect(entry.destinationIdentities).toEqual(['mallory']);
    expect(decode(entry.payload)).toEqual({
      type: 'banned',
      reason: 'Spamming the chat',
      expiresAtMs: result.ban.expiresAtMs,
      roomName,
    });
    expect(log[leave]).toMatchObject({ reason: 'PARTICIPANT_REMOVED' });
    expect(await received(lk, roomName, 'bob')).not.toContainEqual(
      expect.objectContaining({ topic: BAN_NOTICE_TOPIC }),
    );

    const { events } = await queryAuditEvents({ roomName, action: 'participant.banned' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: 'success',
      identity: 'mallory',
      params: expect.objectContaining({ banId: result.ban.id, reason: 'Spamming the chat' }),
    });
  });

  it('still bans someone who already left, and says they were not removed', async () => {
    await lk.control.leave(roomName, 'mallory');
    const result = await run(banParticipant, moderator, {
      roomName,
      identity: 'mallory',
      reason: 'Left before we could',
      durationSeconds: null,
    });
    expect(result).toMatchObject({ removed: false, ban: { expiresAtMs: null } });
    const ban = await findActiveBan(roomName, 'mallory', { roomTenant: 'acme' });
    expect(ban?.id).toBe(result.ban.id);
  });

  it('is refused to a viewer and for another tenant’s room (not_found), leaving them in', async () => {
    const input = { roomName, identity: 'mallory', reason: 'x', durationSeconds: null };
    expect(await codeOf(run(banParticipant, viewer, input))).toBe('forbidden');
    expect(await codeOf(run(banParticipant, globexModerator, input))).toBe('not_found');
    expect(await identities()).toEqual(expect.arrayContaining(['mallory', 'bob']));
    expect(await findActiveBan(roomName, 'mallory', { roomTenant: 'acme' })).toBeNull();
  });

  it('validates the reason, the duration and the pattern before anything happens', async () => {
    for (const bad of [
      { reason: '  ', durationSeconds: null },
      { reason: 'x', durationSeconds: 5 },
      { reason: 'x', durationSeconds: null, namePattern: '**' },
      { reason: 'x', durationSeconds: null, scope: 'galaxy' },
    ]) {
      const attempt = run(banParticipant, moderator, { roomName, identity: 'mallory', ...bad });
      expect(await codeOf(attempt), JSON.stringify(bad)).toBe('invalid_input');
    }
    expect(await identities()).toContain('mallory');
  });

  it('keeps an all-rooms ban of a tenant moderator to that tenant’s rooms', async () => {
    const result = await run(banParticipant, acmeModerator, {
      roomName,
      identity: 'mallory',
      reason: 'Everywhere in acme',
      durationSeconds: null,
      scope: 'all_rooms',
    });
    expect(result.ban).toMatchObject({ roomName: null, tenant: 'acme' });
    const other = uniqueRoom('acme-other');
    expect((await findActiveBan(other, 'mallory', { roomTenant: 'acme' }))?.id).toBe(result.ban.id);
    expect(await findActiveBan(other, 'mallory', { roomTenant: 'globex' })).toBeNull();
    expect(await findActiveBan(other, 'mallory', { roomTenant: null })).toBeNull();
    await run(liftBan, acmeModerator, { banId: result.ban.id });
  });

  it('makes an unbound moderator’s all-rooms ban hold in every tenant’s rooms', async () => {
    const result = await run(banParticipant, moderator, {
      roomName,
      identity: 'bob',
      reason: 'Banned by the operator',
      durationSeconds: null,
      scope: 'all_rooms',
    });
    expect(result.ban).toMatchObject({ roomName: null, tenant: null });
    for (const roomTenant of ['acme', 'globex', null]) {
      expect((await findActiveBan('anywhere', 'bob', { roomTenant }))?.id).toBe(result.ban.id);
    }
    // The operator's ban is not a tenant's to see or lift.
    const { bans } = await run(listBans, globexModerator, {});
    expect(bans.map((b) => b.id)).not.toContain(result.ban.id);
    expect(await codeOf(run(liftBan, acmeModerator, { banId: result.ban.id }))).toBe('not_found');
    await run(liftBan, moderator, { banId: result.ban.id });
  });
});

describe('findActiveBan', () => {
  it('matches a name pattern, ignores expired and lifted bans', async () => {
    const now = Date.now();
    const pattern = await insertBan({
      identity: 'someone-else',
      namePattern: 'mallory*',
      roomName,
      tenant: 'acme',
      reason: 'Pattern',
      createdBy: 'mod',
      createdAtMs: now,
      expiresAtMs: null,
    });
    const byName = await findActiveBan(roomName, 'fresh-identity', {
      roomTenant: 'acme',
      name: 'Mallory Again',
    });
    expect(byName?.id).toBe(pattern.id);
    expect(
      await findActiveBan(roomName, 'fresh-identity', { roomTenant: 'acme', name: 'Alice' }),
    ).toBeNull();

    await insertBan({
      identity: 'eve',
      namePattern: null,
      roomName,
      tenant: 'acme',
      reason: 'Expired',
      createdBy: 'mod',
      createdAtMs: now - 120_000,
      expiresAtMs: now - 60_000,
    });
    expect(await findActiveBan(roomName, 'eve', { roomTenant: 'acme' })).toBeNull();
  });

  it('matches globs on the whole name, case-insensitively', () => {
    expect(nameMatches('mal*', 'Mallory')).toBe(true);
    expect(nameMatches('*spam*', 'Buy SPAM now')).toBe(true);
    expect(nameMatches('b?b', 'Bob')).toBe(true);
    expect(nameMatches('b?b', 'Bobby')).toBe(false);
    expect(nameMatches('mal', 'Mallory')).toBe(false);
  });
});

describe('listBans and liftBan', () => {
  it('lists visible bans, lifts once, and audits the lift', async () => {
    const { ban } = await run(banParticipant, acmeModerator, {
      roomName,
      identity: 'mallory',
      reason: 'To be lifted',
      durationSeconds: 900,
    });
    expect((await run(listBans, acmeModerator, {})).bans.map((b) => b.id)).toContain(ban.id);
    expect((await run(listBans, globexModerator, {})).bans.map((b) => b.id)).not.toContain(ban.id);
    expect(await codeOf(run(listBans, viewer, {}))).toBe('forbidden');

    // Another tenant's ban is not found, and its identity stays out of the audit row.
    expect(await codeOf(run(liftBan, globexModerator, { banId: ban.id }))).toBe('not_found');
    const lifted = await run(liftBan, acmeModerator, { banId: ban.id });
    expect(lifted).toMatchObject({ id: ban.id, liftedBy: 'test-moderator' });
    expect(await findActiveBan(roomName, 'mallory', { roomTenant: 'acme' })).toBeNull();
    expect(await codeOf(run(liftBan, acmeModerator, { banId: ban.id }))).toBe('conflict');

    const { events } = await queryAuditEvents({ action: 'ban.lifted', limit: 3 });
    expect(events[0]).toMatchObject({ outcome: 'error', errorCode: 'conflict' });
    expect(events[1]).toMatchObject({ outcome: 'success', params: { banId: ban.id } });
    expect(events[2]).toMatchObject({ outcome: 'error', errorCode: 'not_found' });
    expect(JSON.stringify(events[2])).not.toContain('mallory');

    // They may rejoin and stay.
    await lk.join({ room: roomName, identity: 'mallory' });
    expect(await identities()).toContain('mallory');
  });
});
