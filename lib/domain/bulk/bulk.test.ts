import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { ParticipantDto } from '@/lib/contracts/dto';
import { queryAuditEvents } from '@/lib/db/audit';
import * as livekit from '@/lib/livekit/room-service';
import { FORCE_MUTED_TOPIC } from '@/lib/schemas/protocol';
import { codeOf, startTestLiveKit, testActor, uniqueRoom, type TestLiveKit } from '@/test/standin';

import { runOperation as run } from '../run-operation';
import { applyPermissionPreset } from './apply-permission-preset';
import { setBulkRunPort, type BulkProgress } from './bulk-runs';
import { cancelBulkRun } from './cancel-bulk-run';
import { forceMuteInBulk } from './force-mute-in-bulk';
import { muteTracksInBulk } from './mute-tracks-in-bulk';
import { removeParticipantsInBulk } from './remove-participants-in-bulk';

// A listing can be older than the room by the time a target's turn comes: the tests that need a
// participant who left mid-run make the run's one listing stale on purpose.
vi.mock('@/lib/livekit/room-service', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/livekit/room-service')>();
  return { ...actual, listParticipants: vi.fn(actual.listParticipants) };
});

let lk: TestLiveKit;
let roomName: string;
const moderator = testActor('moderator');
const viewer = testActor('viewer');
const globexModerator = testActor('moderator', 'globex');

const mic = { type: 'AUDIO', source: 'MICROPHONE' } as const;
const camera = { type: 'VIDEO', source: 'CAMERA' } as const;

async function tracksOf(identity: string) {
  const p = await lk.control.room(roomName);
  return p?.participants.find((x) => x.identity === identity)?.tracks ?? [];
}
async function identities() {
  const state = await lk.control.room(roomName);
  return (state?.participants ?? []).map((p) => p.identity).sort();
}

beforeAll(async () => {
  lk = await startTestLiveKit();
});
afterAll(async () => {
  await lk?.close();
});
afterEach(() => setBulkRunPort(null));

beforeEach(async () => {
  roomName = uniqueRoom('acme');
  await lk.rooms.createRoom({ name: roomName, metadata: JSON.stringify({ auth_id: 'acme' }) });
  await lk.control.bulkJoin([
    { room: roomName, identity: 'alice', tracks: [mic, camera] },
    { room: roomName, identity: 'bob', tracks: [mic] },
    { room: roomName, identity: 'agent-1', kind: 'AGENT', tracks: [mic] },
    { room: roomName, identity: 'host', attributes: { role: 'moderator' }, tracks: [mic] },
  ]);
});

describe('muteTracksInBulk', () => {
  it('mutes every microphone in the room but the protected ones, and nothing else', async () => {
    const report = await run(muteTracksInBulk, moderator, { roomName, group: 'microphones' });

    expect(report).toMatchObject({ total: 2, succeeded: 2, failed: [], cancelled: 0 });
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { identity: 'agent-1', reason: 'agent' },
        { identity: 'host', reason: 'moderator' },
      ]),
    );
    const alice = await tracksOf('alice');
    expect(alice.find((t) => t.source === 'MICROPHONE')?.muted).toBe(true);
    expect(alice.find((t) => t.source === 'CAMERA')?.muted).toBe(false);
    expect((await tracksOf('bob'))[0]?.muted).toBe(true);
    expect((await tracksOf('agent-1'))[0]?.muted).toBe(false);
    expect((await tracksOf('host'))[0]?.muted).toBe(false);
  });

  it('writes one audit row per target and one for the run', async () => {
    const report = await run(muteTracksInBulk, moderator, { roomName, group: 'microphones' });
    const { events } = await queryAuditEvents({ roomName });
    expect(
      events
        .filter((e) => e.action === 'track.muted')
        .map((e) => e.identity)
        .sort(),
    ).toEqual(['alice', 'bob']);
    const runRows = events.filter((e) => e.action === 'bulk.tracks_muted');
    expect(runRows).toHaveLength(1);
    expect(runRows[0]).toMatchObject({ outcome: 'success' });
    expect(runRows[0]!.params).toMatchObject({
      runId: report.runId,
      group: 'microphones',
      total: 2,
      succeeded: 2,
      failed: 0,
      skipped: 2,
    });
  });

  it('acts on a selection only, includes the protected when asked, reports who is not there', async () => {
    const report = await run(muteTracksInBulk, moderator, {
      roomName,
      group: 'microphones',
      identities: ['alice', 'agent-1', 'ghost'],
      includeProtected: true,
    });
    expect(report.succeeded).toBe(2);
    expect(report.failed).toEqual([
      { identity: 'ghost', trackSid: null, code: 'not_found', message: 'Not in the room.' },
    ]);
    expect((await tracksOf('agent-1'))[0]?.muted).toBe(true);
    expect((await tracksOf('bob'))[0]?.muted).toBe(false);
  });

  it('reports a participant who left after the listing as failed and finishes the rest', async () => {
    const listing = await livekit.listParticipants(roomName);
    const gone = {
      ...listing.find((p) => p.identity === 'bob')!,
      identity: 'carol',
      sid: 'PA_gone',
    };
    vi.mocked(livekit.listParticipants).mockResolvedValueOnce([...listing, gone as ParticipantDto]);

    const report = await run(muteTracksInBulk, moderator, { roomName, group: 'microphones' });
    expect(report.succeeded).toBe(2);
    expect(report.failed).toEqual([
      expect.objectContaining({
        identity: 'carol',
        code: 'not_found',
        message: `carol is not in ${roomName}.`,
      }),
    ]);
    expect((await tracksOf('alice')).find((t) => t.source === 'MICROPHONE')?.muted).toBe(true);
  });

  it('is refused to a viewer and hides another tenant’s room', async () => {
    expect(await codeOf(run(muteTracksInBulk, viewer, { roomName, group: 'microphones' }))).toBe(
      'forbidden',
    );
    expect(
      await codeOf(run(muteTracksInBulk, globexModerator, { roomName, group: 'microphones' })),
    ).toBe('not_found');
    expect((await tracksOf('bob'))[0]?.muted).toBe(false);
  });
});

describe('forceMuteInBulk', () => {
  async function forceMutedMessages(identity: string) {
    const entries = await lk.control.received(roomName, identity);
    return entries.filter((e) => e.type === 'data' && e.topic === FORCE_MUTED_TOPIC);
  }

  it('force mutes every live microphone but the protected ones, telling each participant', async () => {
    await lk.control.bulkJoin([{ room: roomName, identity: 'carol', tracks: [camera] }]);
    const report = await run(forceMuteInBulk, moderator, { roomName });

    expect(report).toMatchObject({ total: 2, succeeded: 2, failed: [], cancelled: 0 });
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { identity: 'agent-1', reason: 'agent' },
        { identity: 'host', reason: 'moderator' },
        { identity: 'carol', reason: 'no microphone' },
      ]),
    );
    const alice = await tracksOf('alice');
    expect(alice.find((t) => t.source === 'MICROPHONE')?.muted).toBe(true);
    expect(alice.find((t) => t.source === 'CAMERA')?.muted).toBe(false);
    expect((await tracksOf('bob'))[0]?.muted).toBe(true);
    expect((await tracksOf('host'))[0]?.muted).toBe(false);
    // Each is told on their own; the skipped hear nothing.
    for (const identity of ['alice', 'bob']) {
      expect(await forceMutedMessages(identity)).toEqual([
        expect.objectContaining({ kind: 'RELIABLE', destinationIdentities: [identity] }),
      ]);
    }
    for (const identity of ['host', 'carol']) {
      expect(await forceMutedMessages(identity)).toEqual([]);
    }

    const { events } = await queryAuditEvents({ roomName });
    expect(
      events
        .filter((e) => e.action === 'participants.force_muted')
        .map((e) => e.params?.participants),
    ).toEqual(expect.arrayContaining([['alice'], ['bob']]));
    const runRows = events.filter((e) => e.action === 'bulk.force_muted');
    expect(runRows).toHaveLength(1);
    expect(runRows[0]!.params).toMatchObject({ runId: report.runId, total: 2, succeeded: 2 });
  });

  it('skips an already muted microphone and reports who left after the listing', async () => {
    const aliceMic = (await tracksOf('alice')).find((t) => t.source === 'MICROPHONE')!;
    await lk.rooms.mutePublishedTrack(roomName, 'alice', aliceMic.sid, true);
    const listing = await livekit.listParticipants(roomName);
    const gone = {
      ...listing.find((p) => p.identity === 'bob')!,
      identity: 'carol',
      sid: 'PA_gone',
    };
    vi.mocked(livekit.listParticipants).mockResolvedValueOnce([...listing, gone as ParticipantDto]);

    const report = await run(forceMuteInBulk, moderator, {
      roomName,
      identities: ['alice', 'bob', 'carol'],
    });
    expect(report).toMatchObject({ total: 2, succeeded: 1 });
    expect(report.skipped).toEqual([{ identity: 'alice', reason: 'microphone already muted' }]);
    expect(report.failed).toEqual([
      {
        identity: 'carol',
        trackSid: null,
        code: 'not_found',
        message: `carol is not in ${roomName}.`,
      },
    ]);
    expect(await forceMutedMessages('alice')).toEqual([]);
    expect((await tracksOf('bob'))[0]?.muted).toBe(true);
  });

  it('is refused to a viewer', async () => {
    expect(await codeOf(run(forceMuteInBulk, viewer, { roomName }))).toBe('forbidden');
    expect((await tracksOf('bob'))[0]?.muted).toBe(false);
  });
});

describe('removeParticipantsInBulk', () => {
  it('removes everyone but the protected participants', async () => {
    const report = await run(removeParticipantsInBulk, moderator, { roomName });
    expect(report).toMatchObject({ total: 2, succeeded: 2, failed: [] });
    expect(await identities()).toEqual(['agent-1', 'host']);
  });

  it('stops starting new removals once cancelled, and says how many it did not start', async () => {
    await lk.control.bulkJoin(
      Array.from({ length: 100 }, (_, i) => ({ room: roomName, identity: `p${i}` })),
    );
    let cancelled: Promise<unknown> | undefined;
    setBulkRunPort({
      progress: (update: BulkProgress) => {
        cancelled ??= run(cancelBulkRun, moderator, { roomName, runId: update.runId });
      },
      requestCancel: () => undefined,
    });
    const report = await run(removeParticipantsInBulk, moderator, {
      roomName,
      runId: crypto.randomUUID(),
    });
    await cancelled;

    expect(report.total).toBe(102);
    expect(report.cancelled).toBeGreaterThan(0);
    expect(report.succeeded + report.failed.length + report.cancelled).toBe(102);
    // Exactly the removals that ran left the room.
    expect(await identities()).toHaveLength(104 - report.succeeded);
  });
});

describe('applyPermissionPreset', () => {
  it('sets the preset’s fields, keeps the others, and skips who already has it', async () => {
    await lk.rooms.updateParticipant(roomName, 'bob', undefined, {
      canSubscribe: true,
      canPublish: false,
      canPublishData: true,
      canPublishSources: [],
      hidden: false,
      recorder: false,
      canUpdateMetadata: true,
    });
    const report = await run(applyPermissionPreset, moderator, {
      roomName,
      preset: 'audience',
    });
    expect(report.succeeded).toBe(1);
    expect(report.skipped).toContainEqual({ identity: 'bob', reason: 'already Audience' });
    const alice = await lk.rooms.getParticipant(roomName, 'alice');
    expect(alice.permission).toMatchObject({
      canSubscribe: true,
      canPublish: false,
      canPublishData: true,
      hidden: false,
    });
    // Revoking publish rights unpublishes alice's tracks (docs/livekit-behaviour.md §3.8).
    expect(alice.tracks).toHaveLength(0);
    expect((await lk.rooms.getParticipant(roomName, 'bob')).permission?.canUpdateMetadata).toBe(
      true,
    );
  });
});
