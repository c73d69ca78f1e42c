import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { TrackSource } from 'livekit-server-sdk';
import {
  CAM,
  expectPlainError,
  isRealServer,
  MIC,
  SCREEN,
  uniqueRoom,
  setupTarget,
  waitFor,
  type Json,
} from './harness';

// The control API is the stand-in's own surface; a real LiveKit server has nothing like it.
describe.skipIf(isRealServer)('control API', () => {
  const t = setupTarget();

  it('requires a Bearer token signed with a server key on every control request', async () => {
    const room = uniqueRoom('ctlauth');
    const none = await t.control.raw('POST', '/participants', { room, identity: 'x' }, null);
    expect(none.status).toBe(401);
    const forged = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(t.apiKey)
      .setNotBefore(Math.floor(Date.now() / 1000))
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('not-the-secret'));
    const bad = await t.control.raw('POST', '/participants', { room, identity: 'x' }, forged);
    expect(bad.status).toBe(401);
    const state = await t.control.raw('GET', '/state', undefined, null);
    expect(state.status).toBe(401);
    expect(await t.rooms.listRooms([room])).toEqual([]);
  });

  it('join auto-creates the room and answers a snake_case ParticipantInfo with TR_ tracks', async () => {
    const room = uniqueRoom('ctljoin');
    const res = await t.control.raw('POST', '/participants', {
      room,
      identity: 'alice',
      name: 'Alice',
      metadata: 'md',
      attributes: { a: '1' },
      tracks: [MIC, CAM],
    });
    expect(res.status).toBe(200);
    const p = res.json;
    expect(p).toMatchObject({
      identity: 'alice',
      name: 'Alice',
      metadata: 'md',
      attributes: { a: '1' },
      state: 'ACTIVE',
      is_publisher: true,
    });
    expect(p.sid).toMatch(/^PA_/);
    const tracks = p.tracks as Json[];
    expect(tracks.map((tr) => tr.source)).toEqual(['MICROPHONE', 'CAMERA']);
    expect(tracks.every((tr) => String(tr.sid).startsWith('TR_'))).toBe(true);

    const [listed] = await t.rooms.listRooms([room]);
    expect(listed?.emptyTimeout).toBe(300);
    const fetched = await t.rooms.getParticipant(room, 'alice');
    expect(fetched.sid).toBe(p.sid);
    expect(fetched.tracks.map((tr) => tr.sid)).toEqual(tracks.map((tr) => tr.sid));
  });

  it('join with a kind and a permission is reflected by GetParticipant', async () => {
    const room = uniqueRoom('ctlkind');
    await t.control.join(room, 'bot', {
      kind: 'AGENT',
      permission: { can_subscribe: true, can_publish: false, can_publish_data: true },
    });
    const p = await t.rooms.getParticipant(room, 'bot');
    expect(p.kind).toBe(4);
    expect(p.permission?.canPublish).toBe(false);
    expect(p.permission?.canPublishData).toBe(true);
  });

  it('leave removes the participant on its own; leaving twice → 404', async () => {
    const room = uniqueRoom('ctlleave');
    await t.control.join(room, 'alice');
    await t.control.join(room, 'bob');
    await t.control.leave(room, 'alice');
    expect((await t.rooms.listParticipants(room)).map((p) => p.identity)).toEqual(['bob']);
    const missing = await t.control.raw('DELETE', `/participants/${room}/alice`);
    expect(missing.status).toBe(404);
  });

  it('publish and unpublish tracks; the admin API sees them come and go', async () => {
    const room = uniqueRoom('ctlpub');
    await t.control.join(room, 'alice');
    expect((await t.rooms.getParticipant(room, 'alice')).isPublisher).toBe(false);
    const track = await t.control.publish(room, 'alice', { ...SCREEN, name: 'slides' });
    expect(track).toMatchObject({ type: 'VIDEO', source: 'SCREEN_SHARE', name: 'slides' });
    expect(track.sid).toMatch(/^TR_/);
    let p = await t.rooms.getParticipant(room, 'alice');
    expect(p.tracks.map((tr) => tr.sid)).toEqual([track.sid]);
    expect(p.tracks[0]?.source).toBe(TrackSource.SCREEN_SHARE);
    expect(p.isPublisher).toBe(true);
    await t.control.unpublish(room, 'alice', track.sid);
    p = await t.rooms.getParticipant(room, 'alice');
    expect(p.tracks).toEqual([]);
  });

  it('self-mute changes the track state and other participants get a participant update', async () => {
    const room = uniqueRoom('ctlmute');
    const alice = await t.control.join(room, 'alice', { tracks: [MIC] });
    await t.control.join(room, 'bob');
    const sid = alice.tracks[0]?.sid ?? '';
    const before = (await t.control.receivedOf(room, 'bob', 'participant_update')).length;
    await t.control.selfMute(room, 'alice', sid, true);
    expect((await t.rooms.getParticipant(room, 'alice')).tracks[0]?.muted).toBe(true);
    await waitFor(
      async () => (await t.control.receivedOf(room, 'bob', 'participant_update')).length > before,
    );
    // A self-mute is not a server mute request.
    expect(await t.control.receivedOf(room, 'alice', 'mute')).toEqual([]);
    await t.control.selfMute(room, 'alice', sid, false);
    expect((await t.rooms.getParticipant(room, 'alice')).tracks[0]?.muted).toBe(false);
  });

  it('received log: a room metadata change reaches participants as a room update', async () => {
    const room = uniqueRoom('ctlroomupd');
    await t.control.join(room, 'alice');
    await t.rooms.updateRoomMetadata(room, 'new-meta');
    const updates = await waitFor(async () => {
      const got = await t.control.receivedOf(room, 'alice', 'room_update');
      return got.length ? got : undefined;
    });
    expect(JSON.stringify(updates.at(-1))).toContain('new-meta');
    expect(typeof updates.at(-1)?.at).toBe('number');
  });

  it('refuses a join whose track source the permission forbids, and such a publish', async () => {
    const room = uniqueRoom('ctlforbid');
    const permission = {
      can_subscribe: true,
      can_publish: true,
      can_publish_data: true,
      can_publish_sources: ['MICROPHONE'],
    };
    const refused = await t.control.raw('POST', '/participants', {
      room,
      identity: 'alice',
      permission,
      tracks: [CAM],
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.contentType).toBe('application/json');
    expect(typeof refused.json.code).toBe('string');
    expect(typeof refused.json.msg).toBe('string');

    await t.control.join(room, 'alice', { permission, tracks: [MIC] });
    const pub = await t.control.raw('POST', `/participants/${room}/alice/tracks`, SCREEN);
    expect(pub.status).toBeGreaterThanOrEqual(400);
    expect(pub.status).toBeLessThan(500);
    const p = await t.rooms.getParticipant(room, 'alice');
    expect(p.tracks.map((tr) => tr.source)).toEqual([TrackSource.MICROPHONE]);
  });

  it('refuses a join beyond max_participants with a Twirp-style JSON error', async () => {
    const room = uniqueRoom('ctlmax');
    await t.rooms.createRoom({ name: room, maxParticipants: 2 });
    await t.control.join(room, 'a');
    await t.control.join(room, 'b');
    const refused = await t.control.raw('POST', '/participants', { room, identity: 'c' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.contentType).toBe('application/json');
    expect(String(refused.json.msg)).toContain('max participants');
    expect((await t.rooms.listParticipants(room)).map((p) => p.identity).sort()).toEqual([
      'a',
      'b',
    ]);
  });

  it('state lists rooms and participants; reset empties everything', async () => {
    const room = uniqueRoom('ctlstate');
    await t.control.join(room, 'alice');
    const state = JSON.stringify(await t.control.state());
    expect(state).toContain(room);
    expect(state).toContain('alice');
    await t.control.reset();
    expect(await t.rooms.listRooms()).toEqual([]);
    expect(await t.rooms.listParticipants(room)).toEqual([]);
    expect(JSON.stringify(await t.control.state())).not.toContain(room);
  });
});

// `control: false` must make the control surface indistinguishable from an unknown path.
describe.skipIf(isRealServer)('control API switched off', () => {
  const t = setupTarget({ control: false });

  it('control paths answer plain-text 404 like any unknown path', async () => {
    const token = await t.token(undefined, { identity: 'test' });
    const room = uniqueRoom('off');
    const join = await t.fetch('/standin/v1/participants', {
      body: { room, identity: 'x' },
      token,
    });
    expectPlainError(join, 404, '404 page not found');
    expect(await t.rooms.listRooms([room])).toEqual([]);
    const state = await t.fetch('/standin/v1/state', { method: 'GET', token, contentType: null });
    expectPlainError(state, 404, '404 page not found');
  });
});
