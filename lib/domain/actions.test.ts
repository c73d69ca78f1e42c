import { runOperation as run } from './run-operation';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { queryAuditEvents } from '@/lib/db/audit';
import {
  codeOf,
  received,
  startTestLiveKit,
  testActor,
  uniqueRoom,
  type TestLiveKit,
} from '@/test/standin';

import { DomainError } from './errors';
import { moveParticipant } from './participants/move-participant';
import { muteTrack } from './participants/mute-track';
import { removeParticipant } from './participants/remove-participant';
import { updateParticipant } from './participants/update-participant';
import { updatePermissions } from './participants/update-permissions';
import { updateSubscriptions } from './participants/update-subscriptions';
import { createRoom } from './rooms/create-room';
import { deleteRoom } from './rooms/delete-room';
import { sendData } from './rooms/send-data';
import { updateRoomMetadata } from './rooms/update-room-metadata';

// Every moderator action through the real RoomServiceClient against the stand-in; outcomes are
// checked in the stand-in's own state and in the participant's `received` log.
let lk: TestLiveKit;
let roomName: string;
const admin = testActor('admin');
const moderator = testActor('moderator');
const viewer = testActor('viewer');
const globexModerator = testActor('moderator', 'globex');

async function participant(identity: string) {
  return lk.rooms.getParticipant(roomName, identity);
}

beforeAll(async () => {
  lk = await startTestLiveKit();
});
afterAll(async () => {
  await lk?.close();
});

beforeEach(async () => {
  roomName = uniqueRoom('acme');
  await lk.rooms.createRoom({ name: roomName, metadata: JSON.stringify({ auth_id: 'acme' }) });
  await lk.join({
    room: roomName,
    identity: 'alice',
    tracks: [
      { type: 'AUDIO', source: 'MICROPHONE' },
      { type: 'VIDEO', source: 'CAMERA' },
    ],
  });
  await lk.join({
    room: roomName,
    identity: 'bob',
    tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
  });
});

describe('muteTrack', () => {
  it('mutes a track in LiveKit, tells the participant, and audits it', async () => {
    const mic = (await participant('alice')).tracks.find((t) => t.type === 0)!;
    const track = await run(muteTrack, moderator, {
      roomName,
      identity: 'alice',
      trackSid: mic.sid,
      muted: true,
    });
    expect(track.muted).toBe(true);
    expect((await participant('alice')).tracks.find((t) => t.sid === mic.sid)?.muted).toBe(true);
    expect(await received(lk, roomName, 'alice')).toContainEqual(
      expect.objectContaining({ type: 'mute', trackSid: mic.sid, muted: true }),
    );
    const { events } = await queryAuditEvents({ roomName, action: 'track.muted' });
    expect(events[0]).toMatchObject({ outcome: 'success', identity: 'alice', trackSid: mic.sid });
  });

  it('reports remote unmute being disabled as failed_precondition', async () => {
    const mic = (await participant('alice')).tracks[0]!;
    expect(
      await codeOf(
        run(muteTrack, moderator, { roomName, identity: 'alice', trackSid: mic.sid, muted: false }),
      ),
    ).toBe('failed_precondition');
    const { events } = await queryAuditEvents({ roomName, action: 'track.unmuted' });
    expect(events[0]).toMatchObject({ outcome: 'error', errorCode: 'failed_precondition' });
  });

  it('answers not_found for a participant who is not in the room, not LiveKit’s unavailable', async () => {
    const mic = (await participant('alice')).tracks.find((t) => t.type === 0)!;
    await lk.control.leave(roomName, 'alice');
    const ref = { roomName, identity: 'alice', trackSid: mic.sid, muted: true };
    expect(await codeOf(run(muteTrack, moderator, ref))).toBe('not_found');
    const { events } = await queryAuditEvents({ roomName, action: 'track.muted' });
    expect(events[0]).toMatchObject({ outcome: 'error', errorCode: 'not_found' });
  });

  it('answers not_found for an unknown track', async () => {
    expect(
      await codeOf(
        run(muteTrack, moderator, {
          roomName,
          identity: 'alice',
          trackSid: 'TR_nope',
          muted: true,
        }),
      ),
    ).toBe('not_found');
  });

  it('refuses a viewer, changes nothing, and audits the denial', async () => {
    const mic = (await participant('alice')).tracks[0]!;
    expect(
      await codeOf(
        run(muteTrack, viewer, { roomName, identity: 'alice', trackSid: mic.sid, muted: true }),
      ),
    ).toBe('forbidden');
    expect((await participant('alice')).tracks[0]?.muted).toBe(false);
    const { events } = await queryAuditEvents({ roomName, action: 'track.muted' });
    expect(events[0]).toMatchObject({ outcome: 'denied', errorCode: 'forbidden', role: 'viewer' });
  });

  it('rejects bad input without auditing', async () => {
    expect(
      await codeOf(run(muteTrack, moderator, { roomName, identity: 'alice', muted: 'yes' })),
    ).toBe('invalid_input');
    expect((await queryAuditEvents({ roomName })).events).toHaveLength(0);
  });
});

describe('removeParticipant', () => {
  it('removes alice; she is told why', async () => {
    await run(removeParticipant, moderator, { roomName, identity: 'alice' });
    expect((await lk.rooms.listParticipants(roomName)).map((p) => p.identity)).toEqual(['bob']);
    expect(await received(lk, roomName, 'alice')).toContainEqual(
      expect.objectContaining({ type: 'leave', reason: 'PARTICIPANT_REMOVED' }),
    );
  });

  it('masks another tenant’s room and leaves the participant in place', async () => {
    expect(
      await codeOf(run(removeParticipant, globexModerator, { roomName, identity: 'alice' })),
    ).toBe('not_found');
    expect((await lk.rooms.listParticipants(roomName)).map((p) => p.identity)).toContain('alice');
    const { events } = await queryAuditEvents({ roomName, action: 'participant.removed' });
    expect(events[0]).toMatchObject({ outcome: 'error', errorCode: 'not_found', tenant: 'globex' });
  });
});

describe('updatePermissions', () => {
  it('changes only what the moderator changed and keeps the rest', async () => {
    await run(updatePermissions, moderator, {
      roomName,
      identity: 'alice',
      permission: { canUpdateMetadata: true },
    });
    const p = (await participant('alice')).permission!;
    expect(p.canUpdateMetadata).toBe(true);
    expect(p.canPublish).toBe(true);
    expect(p.canSubscribe).toBe(true);
    expect(p.canPublishData).toBe(true);
  });

  it('revoking the camera source unpublishes exactly the camera track', async () => {
    const updated = await run(updatePermissions, moderator, {
      roomName,
      identity: 'alice',
      permission: { canPublishSources: ['MICROPHONE'] },
    });
    expect(updated.permission?.canPublishSources).toEqual(['MICROPHONE']);
    const tracks = (await participant('alice')).tracks;
    expect(tracks.map((t) => t.source)).toEqual([2]); // MICROPHONE only
  });

  it('rejects an empty change', async () => {
    expect(
      await codeOf(
        run(updatePermissions, moderator, { roomName, identity: 'alice', permission: {} }),
      ),
    ).toBe('invalid_input');
  });
});

describe('updateParticipant', () => {
  it('sets name and metadata, adds and deletes attributes', async () => {
    await lk.rooms.updateParticipant(roomName, 'alice', { attributes: { team: 'a', seat: '4' } });
    await run(updateParticipant, moderator, {
      roomName,
      identity: 'alice',
      name: 'Alice A.',
      metadata: '{"vip":true}',
      attributes: { seat: '', badge: 'gold' },
    });
    const p = await participant('alice');
    expect(p.name).toBe('Alice A.');
    expect(p.metadata).toBe('{"vip":true}');
    expect(p.attributes).toEqual({ team: 'a', badge: 'gold' });
  });

  it('rejects a request that changes nothing', async () => {
    expect(await codeOf(run(updateParticipant, moderator, { roomName, identity: 'alice' }))).toBe(
      'invalid_input',
    );
  });
});

describe('updateSubscriptions', () => {
  it('unsubscribes bob from alice’s camera', async () => {
    const camera = (await participant('alice')).tracks.find((t) => t.type === 1)!;
    await run(updateSubscriptions, moderator, {
      roomName,
      identity: 'bob',
      trackSids: [camera.sid],
      subscribe: false,
    });
    expect(await received(lk, roomName, 'bob')).toContainEqual(
      expect.objectContaining({
        type: 'subscription_update',
        trackSids: [camera.sid],
        subscribe: false,
      }),
    );
  });
});

describe('moveParticipant', () => {
  it('explains that a self-hosted server needs LiveKit Cloud', async () => {
    const destination = uniqueRoom('acme');
    await lk.rooms.createRoom({ name: destination, metadata: JSON.stringify({ auth_id: 'acme' }) });
    const err = await run(moveParticipant, moderator, {
      roomName,
      identity: 'alice',
      destinationRoom: destination,
      mode: 'move',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('not_implemented');
    expect((err as DomainError).message).toMatch(/LiveKit Cloud/);
  });

  it('refuses to move someone into another tenant’s room', async () => {
    const foreign = uniqueRoom('globex');
    await lk.rooms.createRoom({ name: foreign, metadata: JSON.stringify({ auth_id: 'globex' }) });
    const acmeModerator = testActor('moderator', 'acme');
    expect(
      await codeOf(
        run(moveParticipant, acmeModerator, {
          roomName,
          identity: 'alice',
          destinationRoom: foreign,
          mode: 'forward',
        }),
      ),
    ).toBe('not_found');
  });
});

describe('sendData', () => {
  it('delivers a JSON message to the chosen participant only', async () => {
    await run(sendData, moderator, {
      roomName,
      payload: '{"hello":1}',
      format: 'json',
      topic: 'chat',
      reliable: false,
      destinationIdentities: ['bob'],
    });
    const data = (await received(lk, roomName, 'bob')).filter((e) => e.type === 'data');
    expect(data[0]).toMatchObject({ topic: 'chat', kind: 'LOSSY' });
    expect(Buffer.from(String(data[0]!.payload), 'base64').toString()).toBe('{"hello":1}');
    expect((await received(lk, roomName, 'alice')).filter((e) => e.type === 'data')).toHaveLength(
      0,
    );
  });

  it('rejects invalid JSON when the format is json', async () => {
    expect(await codeOf(run(sendData, moderator, { roomName, payload: '{', format: 'json' }))).toBe(
      'invalid_input',
    );
  });
});

describe('rooms', () => {
  it('creates a room with its options; a tenant admin’s room carries its auth_id', async () => {
    const name = uniqueRoom('new');
    const room = await run(createRoom, testActor('admin', 'acme'), {
      roomName: name,
      emptyTimeout: 600,
      maxParticipants: 10,
      metadata: '{"title":"Town hall"}',
    });
    expect(room).toMatchObject({ name, emptyTimeout: 600, maxParticipants: 10, tenant: 'acme' });
    const [stored] = await lk.rooms.listRooms([name]);
    expect(JSON.parse(stored!.metadata)).toEqual({ title: 'Town hall', auth_id: 'acme' });
  });

  it('refuses to create an existing room (LiveKit would silently return it)', async () => {
    expect(await codeOf(run(createRoom, admin, { roomName }))).toBe('conflict');
  });

  it('does not let a moderator create or delete rooms', async () => {
    expect(await codeOf(run(createRoom, moderator, { roomName: uniqueRoom() }))).toBe('forbidden');
    expect(await codeOf(run(deleteRoom, moderator, { roomName }))).toBe('forbidden');
    expect(await lk.rooms.listRooms([roomName])).toHaveLength(1);
  });

  it('deletes a room and reports how many were disconnected', async () => {
    expect(await run(deleteRoom, admin, { roomName })).toEqual({ disconnected: 2 });
    expect(await lk.rooms.listRooms([roomName])).toHaveLength(0);
  });

  it('updates metadata; a tenant moderator cannot move the room out of its tenant', async () => {
    const room = await run(updateRoomMetadata, moderator, {
      roomName,
      metadata: '{"auth_id":"acme","x":1}',
    });
    expect(room.metadata).toBe('{"auth_id":"acme","x":1}');
    const acmeModerator = testActor('moderator', 'acme');
    expect(
      await codeOf(
        run(updateRoomMetadata, acmeModerator, { roomName, metadata: '{"auth_id":"globex"}' }),
      ),
    ).toBe('forbidden');
    expect((await lk.rooms.listRooms([roomName]))[0]?.metadata).toBe('{"auth_id":"acme","x":1}');
  });
});
