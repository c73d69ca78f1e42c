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

import { runOperation as run } from '../run-operation';
import { recordConsentAnswer } from './record-consent-answer';
import { requestCamera } from './request-camera';
import { requestUnmute } from './request-unmute';

// "Ask to unmute" / "Ask to turn on camera" through the real SDK against the stand-in: the data
// message in the participant's `received` log, the answer checked against the audit log.
let lk: TestLiveKit;
let roomName: string;
const moderator = testActor('moderator');
const viewer = testActor('viewer');

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
    tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }],
  });
  await lk.join({ room: roomName, identity: 'bob' });
});

async function dataMessages(identity: string) {
  const entries = (await received(lk, roomName, identity)).filter((e) => e.type === 'data');
  return entries.map((entry) => ({
    topic: entry.topic,
    kind: entry.kind,
    payload: JSON.parse(Buffer.from(String(entry.payload), 'base64').toString()) as unknown,
  }));
}

describe('requestUnmute', () => {
  it('sends alice a reliable data message on the documented topic, with a request id', async () => {
    const mic = (await lk.rooms.getParticipant(roomName, 'alice')).tracks[0]!;
    const { requestId } = await run(requestUnmute, moderator, {
      roomName,
      identity: 'alice',
      trackSid: mic.sid,
    });
    expect(await dataMessages('alice')).toEqual([
      {
        topic: 'moderato.unmute-request',
        kind: 'RELIABLE',
        payload: {
          type: 'unmute_request',
          requestId,
          trackSid: mic.sid,
          source: 'MICROPHONE',
          requestedBy: moderator.name,
        },
      },
    ]);
    expect(await dataMessages('bob')).toEqual([]);
  });
});

describe('requestCamera', () => {
  it('asks alice only, on the camera topic, and audits the request with its id', async () => {
    const { requestId } = await run(requestCamera, moderator, { roomName, identity: 'alice' });
    expect(await dataMessages('alice')).toEqual([
      {
        topic: 'moderato.camera-request',
        kind: 'RELIABLE',
        payload: { type: 'camera_request', requestId, requestedBy: moderator.name },
      },
    ]);
    expect(await dataMessages('bob')).toEqual([]);
    const [row] = (await queryAuditEvents({ roomName, action: 'participant.camera_requested' }))
      .events;
    expect(row).toMatchObject({ identity: 'alice', outcome: 'success', params: { requestId } });
  });

  it('is not found for someone not in the room, and refused to a viewer', async () => {
    expect(await codeOf(run(requestCamera, moderator, { roomName, identity: 'carol' }))).toBe(
      'not_found',
    );
    expect(await codeOf(run(requestCamera, viewer, { roomName, identity: 'alice' }))).toBe(
      'forbidden',
    );
    expect(await dataMessages('alice')).toEqual([]);
  });
});

describe('recordConsentAnswer', () => {
  it('records an answer to a request really sent, once', async () => {
    const { requestId } = await run(requestCamera, moderator, { roomName, identity: 'alice' });
    const answer = { roomName, identity: 'alice', requestId, request: 'camera', accepted: true };
    await run(recordConsentAnswer, moderator, answer);
    const rows = await queryAuditEvents({
      roomName,
      action: 'participant.camera_request_accepted',
    });
    expect(rows.events).toHaveLength(1);
    expect(rows.events[0]).toMatchObject({ identity: 'alice', params: { requestId } });
    // A second watcher relaying the same packet.
    expect(await codeOf(run(recordConsentAnswer, moderator, answer))).toBe('conflict');
    expect(await codeOf(run(recordConsentAnswer, moderator, { ...answer, accepted: false }))).toBe(
      'conflict',
    );
  });

  it('refuses answers to requests never sent: another id, kind, participant or room', async () => {
    const { requestId } = await run(requestCamera, moderator, { roomName, identity: 'alice' });
    const answer = { roomName, identity: 'alice', requestId, request: 'camera', accepted: true };
    const forged = [
      { ...answer, requestId: 'not-a-request' },
      { ...answer, request: 'unmute' },
      { ...answer, identity: 'bob' },
    ];
    for (const input of forged) {
      expect(await codeOf(run(recordConsentAnswer, moderator, input))).toBe('not_found');
    }
    const otherRoom = uniqueRoom('acme');
    await lk.rooms.createRoom({ name: otherRoom, metadata: JSON.stringify({ auth_id: 'acme' }) });
    expect(
      await codeOf(run(recordConsentAnswer, moderator, { ...answer, roomName: otherRoom })),
    ).toBe('not_found');
    const recorded = await queryAuditEvents({ action: 'participant.*', outcome: 'success' });
    expect(recorded.events.filter((e) => e.params?.requestId === requestId)).toEqual([
      expect.objectContaining({ action: 'participant.camera_requested' }),
    ]);
  });
});
