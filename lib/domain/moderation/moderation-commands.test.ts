import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';

import type { ParticipantJson, ReceivedEntry } from '@moderato/livekit-standin/client';

import { queryAuditEvents } from '@/lib/db/audit';
import { insertBan, liftBan } from '@/lib/db/bans';
import { FORCE_MUTED_TOPIC, MICROPHONE_RESTRICTIONS_TOPIC } from '@/lib/schemas/protocol';
import { codeOf, startTestLiveKit, testActor, uniqueRoom, type TestLiveKit } from '@/test/standin';

import { runOperation as run } from '../run-operation';
import { createAccessToken, JOIN_TOKEN_TTL_SECONDS } from './create-access-token';
import { disableMicrophoneRestrictions } from './disable-microphone-restrictions';
import { enableMicrophoneRestrictions } from './enable-microphone-restrictions';
import { forceMute } from './force-mute';
import { getMicrophoneRestrictions } from './get-microphone-restrictions';
import { grantScreenSharePermission } from './grant-screen-share-permission';
import { POPOUT_TOKEN_TTL_SECONDS, requestPopoutToken } from './request-popout-token';
import { revokeScreenSharePermission } from './revoke-screen-share-permission';

// OpenTalk's moderation commands as operations, through the real SDK against the stand-in: the
// effects are read from the stand-in's state and the participants' `received` logs.
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
  roomName = uniqueRoom('cmd');
  await lk.rooms.createRoom({ name: roomName });
  await lk.join({ room: roomName, identity: 'alice', tracks: [MIC, CAMERA] });
  await lk.join({ room: roomName, identity: 'bob', tracks: [MIC] });
  await lk.join({ room: roomName, identity: 'carol', tracks: [MIC, SCREEN] });
});

async function participant(identity: string): Promise<ParticipantJson> {
  const p = await lk.control.participant(roomName, identity);
  if (!p) throw new Error(`${identity} is not in ${roomName}`);
  return p;
}

function dataOn(entries: ReceivedEntry[], topic: string): unknown[] {
  return entries
    .filter((e) => e.type === 'data' && e.topic === topic)
    .map((e) => JSON.parse(Buffer.from((e as { payload: string }).payload, 'base64').toString()));
}

/** Every permission field but the sources, to show they were left alone. */
function otherFields(p: ParticipantJson) {
  const { can_publish_sources: _sources, ...rest } = p.permission as Record<string, unknown>;
  return rest;
}

describe('forceMute', () => {
  it('mutes only the microphones of the listed participants and tells each who did it', async () => {
    const result = await run(forceMute, moderator, {
      roomName,
      participants: ['alice', 'bob', 'ghost'],
    });
    const aliceMic = await lk.control.track(roomName, 'alice', 'MICROPHONE');
    const bobMic = await lk.control.track(roomName, 'bob', 'MICROPHONE');
    expect(result).toEqual({
      moderator: 'moderato:test-moderator',
      muted: [
        { identity: 'alice', trackSids: [aliceMic.sid] },
        { identity: 'bob', trackSids: [bobMic.sid] },
      ],
      missing: ['ghost'],
    });
    expect(aliceMic.muted).toBe(true);
    expect(bobMic.muted).toBe(true);
    expect((await lk.control.track(roomName, 'alice', 'CAMERA')).muted).toBe(false);
    expect((await lk.control.track(roomName, 'carol', 'MICROPHONE')).muted).toBe(false);

    for (const identity of ['alice', 'bob']) {
      const entries = await lk.control.received(roomName, identity);
      expect(entries.filter((e) => e.type === 'mute')).toHaveLength(1);
      expect(dataOn(entries, FORCE_MUTED_TOPIC)).toEqual([
        { message: 'force_muted', moderator: 'moderato:test-moderator' },
      ]);
      const data = entries.find((e) => e.type === 'data');
      // One reliable message addressed to exactly the muted participants.
      expect(data).toMatchObject({ kind: 'RELIABLE', destinationIdentities: ['alice', 'bob'] });
    }
    const carol = await lk.control.received(roomName, 'carol');
    expect(carol.filter((e) => e.type === 'mute' || e.type === 'data')).toEqual([]);

    const { events } = await queryAuditEvents({ roomName, action: 'participants.force_muted' });
    expect(events[0]).toMatchObject({ outcome: 'success', params: expect.any(Object) });
  });

  it('refuses a viewer and mutes nothing', async () => {
    expect(await codeOf(run(forceMute, viewer, { roomName, participants: ['alice'] }))).toBe(
      'forbidden',
    );
    expect((await lk.control.track(roomName, 'alice', 'MICROPHONE')).muted).toBe(false);
  });
});

describe('microphone restrictions', () => {
  it('takes only MICROPHONE from everyone not allowed, keeps every other field, and gives exactly that back', async () => {
    // dave: an explicit list and a non-default field; erin: may publish a microphone only.
    await lk.join({
      room: roomName,
      identity: 'dave',
      permission: {
        canPublish: true,
        canSubscribe: true,
        canPublishData: false,
        canUpdateMetadata: true,
        canPublishSources: ['MICROPHONE', 'CAMERA'],
      },
      tracks: [MIC, CAMERA],
    });
    await lk.join({
      room: roomName,
      identity: 'erin',
      permission: { canPublish: true, canSubscribe: true, canPublishSources: ['MICROPHONE'] },
      tracks: [MIC],
    });
    const before = Object.fromEntries(
      await Promise.all(
        ['alice', 'bob', 'carol', 'dave', 'erin'].map(async (id) => [id, await participant(id)]),
      ),
    ) as Record<string, ParticipantJson>;
    const aliceMic = await lk.control.track(roomName, 'alice', 'MICROPHONE');

    const state = await run(enableMicrophoneRestrictions, moderator, {
      roomName,
      unrestrictedParticipants: ['bob'],
    });
    expect(state.microphone_restriction_state).toEqual({
      type: 'enabled',
      unrestricted_participants: ['bob'],
    });
    expect(state.restricted.map((r) => r.identity).sort()).toEqual([
      'alice',
      'carol',
      'dave',
      'erin',
    ]);

    const alice = await participant('alice');
    expect(alice.permission?.can_publish_sources).toEqual([
      'CAMERA',
      'SCREEN_SHARE',
      'SCREEN_SHARE_AUDIO',
    ]);
    expect(otherFields(alice)).toEqual(otherFields(before.alice!));
    // Muted first, then LiveKit unpublished the microphone for the lost source; the camera stays.
    expect(await lk.control.received(roomName, 'alice')).toContainEqual(
      expect.objectContaining({ type: 'mute', trackSid: aliceMic.sid, muted: true }),
    );
    expect(alice.tracks.map((t) => t.source)).toEqual(['CAMERA']);
    const dave = await participant('dave');
    expect(dave.permission?.can_publish_sources).toEqual(['CAMERA']);
    expect(otherFields(dave)).toEqual(otherFields(before.dave!));
    // Taking the only source: an empty list would allow everything, so publishing goes instead.
    const erin = await participant('erin');
    expect(erin.permission).toMatchObject({
      can_publish: false,
      can_publish_sources: ['MICROPHONE'],
    });
    // bob is on the allow-list: untouched.
    expect(await participant('bob')).toMatchObject({
      permission: before.bob!.permission,
      tracks: [expect.objectContaining({ source: 'MICROPHONE', muted: false })],
    });
    for (const id of ['alice', 'bob', 'carol']) {
      expect(
        dataOn(await lk.control.received(roomName, id), MICROPHONE_RESTRICTIONS_TOPIC),
      ).toEqual([
        { message: 'microphone_restrictions_enabled', unrestricted_participants: ['bob'] },
      ]);
    }

    const read = await run(getMicrophoneRestrictions, viewer, { roomName });
    expect(read.microphone_restriction_state.type).toBe('enabled');

    // Meanwhile carol's screen sharing is revoked: disabling must not give that back.
    await run(revokeScreenSharePermission, moderator, { roomName, participants: ['carol'] });

    const off = await run(disableMicrophoneRestrictions, moderator, { roomName });
    expect(off).toMatchObject({
      microphone_restriction_state: { type: 'disabled' },
      restricted: [],
    });
    for (const id of ['alice', 'bob', 'dave', 'erin']) {
      expect((await participant(id)).permission).toEqual(before[id]!.permission);
    }
    expect((await participant('carol')).permission).toEqual({
      ...before.carol!.permission,
      can_publish_sources: ['CAMERA', 'MICROPHONE'],
    });
    expect(
      dataOn(await lk.control.received(roomName, 'bob'), MICROPHONE_RESTRICTIONS_TOPIC),
    ).toEqual([
      { message: 'microphone_restrictions_enabled', unrestricted_participants: ['bob'] },
      { message: 'microphone_restrictions_disabled' },
    ]);
    const enabled = await queryAuditEvents({
      roomName,
      action: 'room.microphone_restrictions_enabled',
    });
    expect(enabled.events[0]).toMatchObject({
      outcome: 'success',
      params: { unrestrictedParticipants: ['bob'], restricted: 4 },
    });
    const disabled = await queryAuditEvents({
      roomName,
      action: 'room.microphone_restrictions_disabled',
    });
    expect(disabled.events[0]).toMatchObject({ outcome: 'success', params: { restored: 4 } });
  });

  it('enabling again with a longer allow-list gives the newly allowed their microphone back', async () => {
    const before = await participant('alice');
    await run(enableMicrophoneRestrictions, moderator, { roomName, unrestrictedParticipants: [] });
    expect((await participant('alice')).permission?.can_publish_sources).not.toContain(
      'MICROPHONE',
    );
    const state = await run(enableMicrophoneRestrictions, moderator, {
      roomName,
      unrestrictedParticipants: ['alice'],
    });
    expect((await participant('alice')).permission).toEqual(before.permission);
    expect(state.restricted.map((r) => r.identity).sort()).toEqual(['bob', 'carol']);
  });

  it('is refused to a viewer, and disabling when off changes nothing', async () => {
    expect(
      await codeOf(
        run(enableMicrophoneRestrictions, viewer, { roomName, unrestrictedParticipants: [] }),
      ),
    ).toBe('forbidden');
    const before = await participant('alice');
    await run(disableMicrophoneRestrictions, moderator, { roomName });
    expect(await participant('alice')).toEqual(before);
  });
});

describe('screen share permission', () => {
  it('revoking stops a running share without disconnecting, granting gives it back; other fields untouched', async () => {
    const before = await participant('carol');
    const revoked = await run(revokeScreenSharePermission, moderator, {
      roomName,
      participants: ['carol', 'ghost'],
    });
    expect(revoked).toEqual({ grant: false, participants: ['carol'], missing: ['ghost'] });
    const carol = await participant('carol');
    expect(carol.state).toBe('ACTIVE');
    expect(carol.tracks.map((t) => t.source)).toEqual(['MICROPHONE']);
    expect(carol.permission?.can_publish_sources).toEqual(['CAMERA', 'MICROPHONE']);
    expect(otherFields(carol)).toEqual(otherFields(before));
    expect((await lk.control.received(roomName, 'carol')).some((e) => e.type === 'leave')).toBe(
      false,
    );

    const granted = await run(grantScreenSharePermission, moderator, {
      roomName,
      participants: ['carol'],
    });
    expect(granted).toEqual({ grant: true, participants: ['carol'], missing: [] });
    expect((await participant('carol')).permission).toEqual(before.permission);
  });
});

describe('tokens', () => {
  it('a join token for the moderator themselves, restrictions applied, as OpenTalk credentials', async () => {
    const free = await run(createAccessToken, moderator, { roomName });
    expect(free.identity).toBe('moderato:test-moderator');
    expect(free.credentials).toEqual({
      room: roomName,
      token: expect.any(String),
      public_url: lk.standin.url,
      service_url: lk.standin.url,
    });
    const claims = decodeJwt(free.credentials.token);
    expect(claims).toMatchObject({
      sub: 'moderato:test-moderator',
      name: 'moderator',
      iss: 'devkey',
    });
    expect(claims.exp! - claims.nbf!).toBe(JOIN_TOKEN_TTL_SECONDS);
    expect(claims.video).toEqual({
      roomJoin: true,
      room: roomName,
      canPublish: true,
      canPublishData: true,
      canSubscribe: true,
      canPublishSources: [],
      canUpdateOwnMetadata: false,
      hidden: false,
    });

    await run(enableMicrophoneRestrictions, moderator, { roomName, unrestrictedParticipants: [] });
    const restricted = await run(createAccessToken, moderator, { roomName });
    expect(decodeJwt(restricted.credentials.token).video).toMatchObject({
      canPublish: true,
      canPublishSources: ['camera', 'screen_share', 'screen_share_audio'],
    });
    // What the token left out is recorded, to be given back once disabled.
    const state = await run(getMicrophoneRestrictions, moderator, { roomName });
    expect(state.restricted).toContainEqual(
      expect.objectContaining({ identity: 'moderato:test-moderator', joined: false }),
    );
  });

  it('uses LIVEKIT_PUBLIC_URL and LIVEKIT_SERVICE_URL when set', async () => {
    process.env.LIVEKIT_PUBLIC_URL = 'wss://live.example.com';
    process.env.LIVEKIT_SERVICE_URL = 'ws://livekit.internal:7880';
    try {
      const { credentials } = await run(createAccessToken, moderator, { roomName });
      expect(credentials).toMatchObject({
        public_url: 'wss://live.example.com',
        service_url: 'ws://livekit.internal:7880',
      });
    } finally {
      delete process.env.LIVEKIT_PUBLIC_URL;
      delete process.env.LIVEKIT_SERVICE_URL;
    }
  });

  it('a popout token is hidden, subscribe-only, publishes nothing, short-lived, bound to the requester', async () => {
    const popout = await run(requestPopoutToken, moderator, { roomName });
    expect(popout.identity).toBe('moderato:test-moderator#popout');
    const claims = decodeJwt(popout.token);
    expect(claims.sub).toBe('moderato:test-moderator#popout');
    expect(claims.exp! - claims.nbf!).toBe(POPOUT_TOKEN_TTL_SECONDS);
    expect(claims.video).toEqual({
      roomJoin: true,
      room: roomName,
      canPublish: false,
      canPublishData: false,
      canSubscribe: true,
      canPublishSources: [],
      canUpdateOwnMetadata: false,
      hidden: true,
    });
  });

  it('refuses tokens to a viewer and for a room of another tenant', async () => {
    expect(await codeOf(run(createAccessToken, viewer, { roomName }))).toBe('forbidden');
    expect(await codeOf(run(requestPopoutToken, viewer, { roomName }))).toBe('forbidden');
    const tenantRoom = uniqueRoom('globex');
    await lk.rooms.createRoom({
      name: tenantRoom,
      metadata: JSON.stringify({ auth_id: 'globex' }),
    });
    const acme = testActor('moderator', 'acme');
    expect(await codeOf(run(createAccessToken, acme, { roomName: tenantRoom }))).toBe('not_found');
  });

  it('issues no token to an identity banned from the room, and does again once the ban ends', async () => {
    const { identity } = await run(createAccessToken, moderator, { roomName });
    const ban = await insertBan({
      identity,
      namePattern: null,
      roomName,
      tenant: null,
      reason: 'test',
      createdBy: 'admin',
      createdAtMs: Date.now(),
      expiresAtMs: null,
    });
    expect(await codeOf(run(createAccessToken, moderator, { roomName }))).toBe('forbidden');
    expect(await codeOf(run(requestPopoutToken, moderator, { roomName }))).toBe('forbidden');
    await liftBan(ban.id, 'admin', Date.now());
    expect((await run(createAccessToken, moderator, { roomName })).identity).toBe(identity);
  });
});
