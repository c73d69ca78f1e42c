import { describe, expect, it } from 'vitest';
import { DataPacket_Kind, TrackSource } from 'livekit-server-sdk';
import {
  b64,
  CAM,
  decodePayload,
  expectTwirpError,
  isRealServer,
  MIC,
  SCREEN,
  uniqueRoom,
  setupTarget,
  setupWebhookSink,
  waitFor,
  type Json,
} from './harness';

// Every case here needs connected participants with tracks, which only the stand-in's control API
// can provide; against a real server these are skipped.
describe.skipIf(isRealServer)('participants (stand-in control API)', () => {
  const hooks = setupWebhookSink();
  const t = setupTarget(() => ({ webhooks: [hooks.url] }));
  const admin = (room: string) => ({ roomAdmin: true, room });

  it('§7.41 RemoveParticipant on a connected participant → 200 {}, gone at once, PARTICIPANT_REMOVED', async () => {
    const room = uniqueRoom('remove');
    const alice = await t.control.join(room, 'alice', { tracks: [MIC] });
    await t.control.join(room, 'bob');
    const res = await t.room('RemoveParticipant', { room, identity: 'alice' }, admin(room));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
    const left = await t.rooms.listParticipants(room);
    expect(left.map((p) => p.identity)).toEqual(['bob']);

    const hook = await hooks.waitForEvent(room, 'participant_left');
    const participant = hook.json?.participant as Json;
    expect(participant.identity).toBe('alice');
    expect(participant.disconnectReason).toBe('PARTICIPANT_REMOVED');
    expect(participant.state).toBe('DISCONNECTED');

    const unpublished = await hooks.waitForEvent(room, 'track_unpublished');
    expect((unpublished.json?.track as Json).sid).toBe(alice.tracks[0]?.sid);

    const leaves = await t.control.receivedOf(room, 'alice', 'leave');
    expect(leaves.map((l) => l.reason)).toEqual(['PARTICIPANT_REMOVED']);
    await expect(t.rooms.getParticipant(room, 'alice')).rejects.toMatchObject({ status: 404 });
  });

  it('§7.43 UpdateParticipant: metadata set bumps version, "" keeps it, attribute "" deletes key', async () => {
    const room = uniqueRoom('upd');
    const before = await t.control.join(room, 'alice', {
      name: 'Alice',
      attributes: { k: '1', keep: '2' },
    });
    const v0 = Number(before.version);

    const set = await t.room(
      'UpdateParticipant',
      { room, identity: 'alice', metadata: 'm1' },
      admin(room),
    );
    expect(set.status).toBe(200);
    expect(set.json.metadata).toBe('m1');
    const v1 = Number(set.json.version);
    expect(v1).toBeGreaterThan(v0);

    const empty = await t.room(
      'UpdateParticipant',
      { room, identity: 'alice', metadata: '', name: '' },
      admin(room),
    );
    expect(empty.json.metadata).toBe('m1');
    expect(empty.json.name).toBe('Alice');

    const attrs = await t.rooms.updateParticipant(room, 'alice', { attributes: { k: '' } });
    expect(attrs.attributes).toEqual({ keep: '2' });
    expect(attrs.metadata).toBe('m1');
    expect(attrs.version).toBeGreaterThan(v1);

    const fetched = await t.rooms.getParticipant(room, 'alice');
    expect(fetched.metadata).toBe('m1');
    expect(fetched.attributes).toEqual({ keep: '2' });

    const updates = await t.control.receivedOf(room, 'alice', 'participant_update');
    expect(updates.length).toBeGreaterThan(0);
  });

  it('§7.44 permission {canSubscribe:true} on a publisher revokes publish + data and unpublishes all', async () => {
    const room = uniqueRoom('perm');
    const alice = await t.control.join(room, 'alice', { tracks: [MIC, CAM] });
    expect(alice.tracks).toHaveLength(2);
    const res = await t.room(
      'UpdateParticipant',
      { room, identity: 'alice', permission: { canSubscribe: true } },
      admin(room),
    );
    expect(res.status).toBe(200);
    const permission = res.json.permission as Json;
    expect(permission.can_subscribe).toBe(true);
    expect(permission.can_publish).toBe(false);
    expect(permission.can_publish_data).toBe(false);

    await waitFor(async () => (await t.rooms.getParticipant(room, 'alice')).tracks.length === 0);
    const sids = alice.tracks.map((tr) => tr.sid).sort();
    const unpublished = await waitFor(() => {
      const got = hooks
        .forRoom(room)
        .filter((r) => r.json?.event === 'track_unpublished')
        .map((r) => String((r.json?.track as Json).sid));
      return got.length >= 2 ? got.sort() : undefined;
    });
    expect(unpublished).toEqual(sids);
    const after = await t.rooms.getParticipant(room, 'alice');
    expect(after.isPublisher).toBe(false);
    // The participant itself is told about its new permission right away (§3.8).
    const updates = await t.control.receivedOf(room, 'alice', 'participant_update');
    const last = updates.at(-1)?.participant as Json | undefined;
    expect(last?.permission).toMatchObject({ can_publish: false, can_subscribe: true });
  });

  it('§7.44 a narrower can_publish_sources unpublishes exactly the tracks whose source is gone', async () => {
    const room = uniqueRoom('sources');
    const alice = await t.control.join(room, 'alice', { tracks: [MIC, CAM, SCREEN] });
    const bySource = new Map(alice.tracks.map((tr) => [tr.source, tr.sid]));
    const updated = await t.rooms.updateParticipant(room, 'alice', {
      permission: {
        canSubscribe: true,
        canPublish: true,
        canPublishData: true,
        canPublishSources: [TrackSource.CAMERA],
      },
    });
    expect(updated.permission?.canPublishSources).toEqual([TrackSource.CAMERA]);
    expect(updated.permission?.canPublish).toBe(true);

    const remaining = await waitFor(async () => {
      const p = await t.rooms.getParticipant(room, 'alice');
      return p.tracks.length === 1 ? p.tracks : undefined;
    });
    expect(remaining.map((tr) => tr.sid)).toEqual([bySource.get('CAMERA')]);

    const unpublished = await waitFor(() => {
      const got = hooks
        .forRoom(room)
        .filter((r) => r.json?.event === 'track_unpublished')
        .map((r) => String((r.json?.track as Json).sid));
      return got.length >= 2 ? got.sort() : undefined;
    });
    expect(unpublished).toEqual([bySource.get('MICROPHONE'), bySource.get('SCREEN_SHARE')].sort());
    // Alice herself is told which of her tracks the server took down (so her SDK stops sending).
    const told = (await t.control.received(room, 'alice'))
      .flatMap((e) => (e.type === 'track_unpublished' ? [e.trackSid] : []))
      .sort();
    expect(told).toEqual([bySource.get('MICROPHONE'), bySource.get('SCREEN_SHARE')].sort());
    // Give a stray third unpublish a moment to show up before asserting there was none.
    await new Promise((r) => setTimeout(r, 100));
    expect(hooks.forRoom(room).filter((r) => r.json?.event === 'track_unpublished')).toHaveLength(
      2,
    );
  });

  it('§7.44 (§3.8) an identical permission set changes nothing (no unpublish, same version)', async () => {
    const room = uniqueRoom('sameperm');
    await t.control.join(room, 'alice', { tracks: [MIC] });
    const before = await t.rooms.getParticipant(room, 'alice');
    const res = await t.room(
      'UpdateParticipant',
      { room, identity: 'alice', permission: before.permission?.toJson() },
      admin(room),
    );
    expect(res.status).toBe(200);
    expect((res.json.tracks as unknown[]).length).toBe(1);
    expect(Number(res.json.version)).toBe(before.version);
  });

  it('§7.46 MutePublishedTrack {muted:true} → track.sid/muted, state updated, mute request reached alice', async () => {
    const room = uniqueRoom('mute');
    const alice = await t.control.join(room, 'alice', { tracks: [MIC] });
    const sid = alice.tracks[0]?.sid ?? '';
    const track = await t.rooms.mutePublishedTrack(room, 'alice', sid, true);
    expect(track.sid).toBe(sid);
    expect(track.muted).toBe(true);
    const p = await t.rooms.getParticipant(room, 'alice');
    expect(p.tracks[0]?.muted).toBe(true);
    const mutes = await t.control.receivedOf(room, 'alice', 'mute');
    expect(mutes).toEqual([expect.objectContaining({ trackSid: sid, muted: true })]);
  });

  it('§7.47 MutePublishedTrack {muted:false} with default config → 412 "remote unmute not enabled"', async () => {
    const room = uniqueRoom('unmute');
    const alice = await t.control.join(room, 'alice', { tracks: [{ ...MIC, muted: true }] });
    const res = await t.room(
      'MutePublishedTrack',
      { room, identity: 'alice', trackSid: alice.tracks[0]?.sid, muted: false },
      admin(room),
    );
    expectTwirpError(
      res,
      412,
      'failed_precondition',
      'twirp error unknown: remote unmute not enabled',
    );
    expect((await t.rooms.getParticipant(room, 'alice')).tracks[0]?.muted).toBe(true);
    expect(await t.control.receivedOf(room, 'alice', 'mute')).toEqual([]);
  });

  it('§7.47 the remote-unmute check comes before the track lookup (unknown sid → 412 too)', async () => {
    const room = uniqueRoom('unmute2');
    await t.control.join(room, 'alice');
    const res = await t.room(
      'MutePublishedTrack',
      { room, identity: 'alice', trackSid: 'TR_doesnotexist', muted: false },
      admin(room),
    );
    expectTwirpError(res, 412, 'failed_precondition');
  });

  it('§7.48 MutePublishedTrack with an unknown track_sid on an existing participant → 200 {"track":null}', async () => {
    const room = uniqueRoom('notrack');
    await t.control.join(room, 'alice', { tracks: [MIC] });
    const res = await t.room(
      'MutePublishedTrack',
      { room, identity: 'alice', track_sid: 'TR_doesnotexist', muted: true },
      admin(room),
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ track: null });
  });

  it('§7.52 SendData twice with the same 16-byte nonce → both 200, delivered once', async () => {
    const room = uniqueRoom('dedupe');
    await t.control.join(room, 'alice');
    const nonce = b64(Buffer.alloc(16, 7));
    const body = { room, data: b64(Buffer.from('once')), topic: 'chat', nonce };
    const first = await t.room('SendData', body, admin(room));
    const second = await t.room('SendData', body, admin(room));
    expect([first.status, second.status]).toEqual([200, 200]);
    const fresh = await t.room(
      'SendData',
      { ...body, data: b64(Buffer.from('twice')), nonce: b64(Buffer.alloc(16, 8)) },
      admin(room),
    );
    expect(fresh.status).toBe(200);
    const data = await waitFor(async () => {
      const got = await t.control.receivedOf(room, 'alice', 'data');
      return got.length >= 2 ? got : undefined;
    });
    expect(data.map(decodePayload)).toEqual(['once', 'twice']);
    expect(data[0]?.topic).toBe('chat');
  });

  it('§7.52 (§3.10) SendData honours destination_identities, kind, topic and an empty sender', async () => {
    const room = uniqueRoom('dest');
    await t.control.join(room, 'alice');
    await t.control.join(room, 'bob');
    await t.rooms.sendData(room, new TextEncoder().encode('psst'), DataPacket_Kind.LOSSY, {
      destinationIdentities: ['bob'],
      topic: 'whisper',
    });
    const toBob = await waitFor(async () => {
      const got = await t.control.receivedOf(room, 'bob', 'data');
      return got.length ? got : undefined;
    });
    expect(toBob).toHaveLength(1);
    expect(decodePayload(toBob[0]!)).toBe('psst');
    expect(toBob[0]).toMatchObject({ topic: 'whisper', kind: 'LOSSY' });
    expect(toBob[0]?.senderIdentity).toBe('');
    expect(await t.control.receivedOf(room, 'alice', 'data')).toEqual([]);

    const carol = await t.control.join(room, 'carol');
    await t.rooms.sendData(room, new TextEncoder().encode('sid'), DataPacket_Kind.RELIABLE, {
      destinationSids: [carol.sid],
    });
    const toCarol = await waitFor(async () => {
      const got = await t.control.receivedOf(room, 'carol', 'data');
      return got.length ? got : undefined;
    });
    expect(toCarol.map(decodePayload)).toEqual(['sid']);
    expect(toCarol[0]?.kind).toBe('RELIABLE');
    expect(await t.control.receivedOf(room, 'alice', 'data')).toEqual([]);
  });

  it('§7.52 (§1.3) SendData accepts URL-safe unpadded base64 bytes and a numeric enum kind', async () => {
    const room = uniqueRoom('b64');
    await t.control.join(room, 'alice');
    const bytes = Buffer.from([0xfb, 0xff, 0xfe]);
    const res = await t.room(
      'SendData',
      { room, data: bytes.toString('base64url'), kind: 1 },
      admin(room),
    );
    expect(res.status).toBe(200);
    const [entry] = await waitFor(async () => {
      const got = await t.control.receivedOf(room, 'alice', 'data');
      return got.length ? got : undefined;
    });
    expect(Buffer.from(String(entry?.payload), 'base64')).toEqual(bytes);
    expect(entry?.kind).toBe('LOSSY');
  });

  it('§7.41 (§4.2) joining again with the same identity replaces the session (DUPLICATE_IDENTITY)', async () => {
    const room = uniqueRoom('dup');
    const first = await t.control.join(room, 'alice');
    const second = await t.control.join(room, 'alice');
    expect(second.sid).not.toBe(first.sid);
    const listed = await t.rooms.listParticipants(room);
    expect(listed.map((p) => p.sid)).toEqual([second.sid]);
    const leaves = await t.control.receivedOf(room, 'alice', 'leave');
    expect(leaves.map((l) => l.reason)).toEqual(['DUPLICATE_IDENTITY']);
    const left = await hooks.waitForEvent(room, 'participant_left');
    expect(left.json?.participant).toMatchObject({
      sid: first.sid,
      disconnectReason: 'DUPLICATE_IDENTITY',
    });
  });

  it('§7.39 (§3.4) hidden participants are listed by the admin API but not shown to others', async () => {
    const room = uniqueRoom('hidden');
    await t.control.join(room, 'ghost', {
      permission: { can_subscribe: true, can_publish: true, hidden: true },
    });
    await t.control.join(room, 'bob');
    await t.control.join(room, 'carol');
    const ids = (await t.rooms.listParticipants(room)).map((p) => p.identity).sort();
    expect(ids).toEqual(['bob', 'carol', 'ghost']);
    await t.control.publish(room, 'ghost', MIC);
    await t.control.publish(room, 'carol', MIC);
    await waitFor(async () =>
      JSON.stringify(await t.control.receivedOf(room, 'bob', 'participant_update')).includes(
        'carol',
      ),
    );
    expect(JSON.stringify(await t.control.received(room, 'bob'))).not.toContain('ghost');
  });

  it('§7.49 (§3.9) UpdateSubscriptions for a hosted participant → 200 {}', async () => {
    const room = uniqueRoom('subs');
    const alice = await t.control.join(room, 'alice', { tracks: [MIC] });
    await t.control.join(room, 'bob');
    const res = await t.room(
      'UpdateSubscriptions',
      { room, identity: 'bob', track_sids: [alice.tracks[0]?.sid], subscribe: false },
      admin(room),
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
    const [update] = await waitFor(async () => {
      const got = await t.control.receivedOf(room, 'bob', 'subscription_update');
      return got.length ? got : undefined;
    });
    expect(update).toMatchObject({ trackSids: [alice.tracks[0]?.sid], subscribe: false });
  });

  it('§7.56 (§3.13) PerformRpc reaches a hosted participant; one without a handler → 501 unimplemented', async () => {
    const room = uniqueRoom('rpc');
    await t.control.join(room, 'alice');
    const res = await t.room(
      'PerformRpc',
      { room, destination_identity: 'alice', method: 'greet', payload: 'hi' },
      admin(room),
    );
    expectTwirpError(res, 501, 'unimplemented');
    const [request] = await t.control.receivedOf(room, 'alice', 'rpc_request');
    expect(request).toMatchObject({ method: 'greet', payload: 'hi' });
  });

  it('§7.39 (§3.4) ListParticipants includes participants that are still JOINING', async () => {
    const room = uniqueRoom('joining');
    await t.control.join(room, 'alice', { state: 'JOINING' });
    const res = await t.room('ListParticipants', { room }, admin(room));
    expect(res.json.participants).toEqual([
      expect.objectContaining({ identity: 'alice', state: 'JOINING' }),
    ]);
  });

  it('§7.9 (§4.3) ListParticipants shows joined participants in snake_case with PA_/TR_ sids', async () => {
    const room = uniqueRoom('listp');
    await t.control.join(room, 'alice', { tracks: [CAM], metadata: 'md' });
    const res = await t.room('ListParticipants', { room }, admin(room));
    const [p] = res.json.participants as Json[];
    expect(p).toMatchObject({
      identity: 'alice',
      metadata: 'md',
      state: 'ACTIVE',
      kind: 'STANDARD',
    });
    expect(p?.sid).toMatch(/^PA_[2-9A-HJ-NP-Za-km-z]{12}$/);
    expect(p?.joined_at).toMatch(/^\d+$/);
    expect(p).toHaveProperty('is_publisher', true);
    const [track] = p?.tracks as Json[];
    expect(track?.sid).toMatch(/^TR_/);
    expect(track).toMatchObject({ type: 'VIDEO', source: 'CAMERA' });
  });
});

// Needs a server started with room.enable_remote_unmute, which only the stand-in can be told to do.
describe.skipIf(isRealServer)('participants with remote unmute enabled', () => {
  const t = setupTarget({ remoteUnmute: true });

  it('§7.47 with remoteUnmute on, {muted:false} → 200 and the unmute request reaches alice', async () => {
    const room = uniqueRoom('remoteunmute');
    const alice = await t.control.join(room, 'alice', { tracks: [{ ...MIC, muted: true }] });
    const sid = alice.tracks[0]?.sid ?? '';
    const track = await t.rooms.mutePublishedTrack(room, 'alice', sid, false);
    expect(track.sid).toBe(sid);
    expect(track.muted).toBe(false);
    expect((await t.rooms.getParticipant(room, 'alice')).tracks[0]?.muted).toBe(false);
    const mutes = await t.control.receivedOf(room, 'alice', 'mute');
    expect(mutes).toEqual([expect.objectContaining({ trackSid: sid, muted: false })]);
  });
});
