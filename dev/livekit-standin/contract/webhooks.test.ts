import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { ParticipantInfo_State, WebhookReceiver } from 'livekit-server-sdk';
import {
  CAM,
  isRealServer,
  MIC,
  sleep,
  uniqueRoom,
  setupTarget,
  setupWebhookSink,
  waitFor,
  type Json,
  type WebhookRequest,
} from './harness';

const HOOK_KEY = 'hookkey';
const HOOK_SECRET = 'hooksecret-0123456789';
const auth = (r: WebhookRequest) => String(r.headers.authorization ?? '');

function snakeKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => snakeKeys(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(k.includes('_') ? [`${path}.${k}`] : []),
    ...snakeKeys(v, `${path}.${k}`),
  ]);
}

function zeroValues(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    return value.length === 0 ? [path] : value.flatMap((v, i) => zeroValues(v, `${path}[${i}]`));
  }
  if (value === null || value === '' || value === 0 || value === false || value === '0') {
    return [path];
  }
  if (typeof value !== 'object') return [];
  const entries = Object.entries(value);
  // Maps such as `attributes` may legitimately be keyed by anything; empty objects are zero values.
  if (entries.length === 0) return [path];
  return entries.flatMap(([k, v]) => zeroValues(v, `${path}.${k}`));
}

// The suite cannot point a real server's webhook config at its own receiver, so these run against
// the stand-in only.
describe.skipIf(isRealServer).concurrent('webhooks', () => {
  const hooks = setupWebhookSink();
  const t = setupTarget(() => ({
    keys: { devkey: 'secret', [HOOK_KEY]: HOOK_SECRET },
    webhookApiKey: HOOK_KEY,
    webhooks: [hooks.url],
  }));
  hooks.respond = (body) => {
    const name = String((body?.room as Json | undefined)?.name ?? '');
    if (name.includes('-fail500-')) return 500;
    if (name.includes('-fail400-')) return 400;
    if (name.includes('-fail429-')) return 429;
    if (name.includes('-fail501-')) return 501;
    return 200;
  };

  it('§7.57 webhook requests: POST, application/webhook+json, User-Agent LiveKit, bare JWT', async () => {
    const room = uniqueRoom('headers');
    await t.rooms.createRoom({ name: room });
    const hook = await hooks.waitForEvent(room, 'room_started');
    expect(hook.method).toBe('POST');
    expect(hook.url).toBe('/hook');
    expect(hook.headers['content-type']).toBe('application/webhook+json');
    expect(hook.headers['user-agent']).toBe('LiveKit');
    expect(auth(hook)).not.toMatch(/^Bearer /i);
    expect(auth(hook).split('.')).toHaveLength(3);
  });

  it('§7.58 the JWT has iss = webhook key, exp − nbf = 300 s, sha256 = base64(SHA-256(body))', async () => {
    const room = uniqueRoom('jwt');
    await t.rooms.createRoom({ name: room });
    const hook = await hooks.waitForEvent(room, 'room_started');
    const claims = decodeJwt(auth(hook));
    expect(claims.iss).toBe(HOOK_KEY);
    expect(Number(claims.exp) - Number(claims.nbf)).toBe(300);
    expect(Math.abs(Number(claims.nbf) - Date.now() / 1000)).toBeLessThan(30);
    expect(claims.sha256).toBe(createHash('sha256').update(hook.body, 'utf8').digest('base64'));
    expect(claims.sub).toBeUndefined();
    expect(claims.video).toBeUndefined();
  });

  it('§7.59 body keys are camelCase, zero values omitted, createdAt digit string, id EV_', async () => {
    const room = uniqueRoom('camel');
    await t.rooms.createRoom({ name: room });
    await t.control.join(room, 'alice', { tracks: [MIC] });
    const joined = await hooks.waitForEvent(room, 'participant_joined');
    const started = await hooks.waitForEvent(room, 'room_started');
    for (const hook of [started, joined]) {
      const body = hook.json as Json;
      expect(body.id).toMatch(/^EV_[2-9A-HJ-NP-Za-km-z]{12}$/);
      expect(body.createdAt).toMatch(/^\d+$/);
      expect(Math.abs(Number(body.createdAt) - Date.now() / 1000)).toBeLessThan(30);
      expect(snakeKeys(body)).toEqual([]);
      expect(zeroValues(body)).toEqual([]);
    }
    const startedRoom = started.json?.room as Json;
    expect(startedRoom).toMatchObject({ name: room, emptyTimeout: 300, departureTimeout: 20 });
    expect(startedRoom.creationTime).toMatch(/^\d+$/);
    expect(startedRoom).not.toHaveProperty('metadata');
    expect(startedRoom).not.toHaveProperty('version');
    const participant = joined.json?.participant as Json;
    expect(participant.joinedAt).toMatch(/^\d+$/);
    // kind STANDARD is the enum's zero value, so it is omitted.
    expect(participant).not.toHaveProperty('kind');
    expect(participant.permission).toMatchObject({ canSubscribe: true, canPublish: true });
  });

  it('§7.60 track_published: room only sid/name, participant only sid/identity, full track', async () => {
    const room = uniqueRoom('trim');
    const alice = await t.control.join(room, 'alice', { name: 'Alice', metadata: 'md' });
    const track = await t.control.publish(room, 'alice', { ...CAM, simulcast: true });
    const hook = await hooks.waitForEvent(room, 'track_published');
    const body = hook.json as Json;
    const roomObj = body.room as Json;
    expect(Object.keys(roomObj).sort()).toEqual(['name', 'sid']);
    expect(body.participant).toEqual({ sid: alice.sid, identity: 'alice' });
    expect(body.track).toMatchObject({
      sid: track.sid,
      type: 'VIDEO',
      source: 'CAMERA',
      name: 'cam',
    });

    await t.control.unpublish(room, 'alice', track.sid);
    const un = await hooks.waitForEvent(room, 'track_unpublished');
    expect(Object.keys(un.json?.room as Json).sort()).toEqual(['name', 'sid']);
    expect(un.json?.participant).toEqual({ sid: alice.sid, identity: 'alice' });
    expect((un.json?.track as Json).sid).toBe(track.sid);
  });

  it('§7.61 participant_joined carries an ACTIVE participant with the full room', async () => {
    const room = uniqueRoom('active');
    await t.control.join(room, 'alice');
    const joined = await hooks.waitForEvent(room, 'participant_joined');
    const participant = joined.json?.participant as Json;
    expect(participant).toMatchObject({ identity: 'alice', state: 'ACTIVE' });
    expect(participant.sid).toMatch(/^PA_/);
    expect(joined.json?.room).toMatchObject({ name: room, emptyTimeout: 300 });
    expect(hooks.forRoom(room).filter((r) => r.json?.event === 'participant_joined')).toHaveLength(
      1,
    );
    expect(hooks.eventsForRoom(room)).not.toContain('participant_connection_aborted');
  });

  it('§7.61 participant_joined waits for ACTIVE: a JOINED participant produces none until it connects', async () => {
    const room = uniqueRoom('pending');
    await t.control.join(room, 'alice', { state: 'JOINED' });
    await hooks.waitForEvent(room, 'room_started');
    await sleep(200);
    expect(hooks.eventsForRoom(room)).not.toContain('participant_joined');
    expect((await t.rooms.getParticipant(room, 'alice')).state).toBe(ParticipantInfo_State.JOINED);
    const res = await t.control.raw('POST', `/participants/${room}/alice/state`, {
      state: 'ACTIVE',
    });
    expect(res.status).toBe(200);
    const joined = await hooks.waitForEvent(room, 'participant_joined');
    expect((joined.json?.participant as Json).state).toBe('ACTIVE');
  });

  it('§7.61 a participant that leaves before ACTIVE → participant_connection_aborted, no participant_left', async () => {
    const room = uniqueRoom('aborted');
    await t.control.join(room, 'bob');
    await t.control.join(room, 'alice', { state: 'JOINING' });
    await t.control.leave(room, 'alice');
    const aborted = await hooks.waitForEvent(room, 'participant_connection_aborted');
    expect((aborted.json?.participant as Json).identity).toBe('alice');
    await sleep(200);
    const aliceEvents = hooks
      .forRoom(room)
      .filter((r) => (r.json?.participant as Json | undefined)?.identity === 'alice')
      .map((r) => r.json?.event);
    expect(aliceEvents).toEqual(['participant_connection_aborted']);
  });

  it('§7.61 (§5.1) participant_left after a self leave carries state DISCONNECTED and CLIENT_INITIATED', async () => {
    const room = uniqueRoom('left');
    await t.control.join(room, 'alice');
    await t.control.join(room, 'bob');
    await t.control.leave(room, 'alice');
    const left = await hooks.waitForEvent(room, 'participant_left');
    expect(left.json?.participant).toMatchObject({
      identity: 'alice',
      state: 'DISCONNECTED',
      disconnectReason: 'CLIENT_INITIATED',
    });
    expect((left.json?.room as Json).name).toBe(room);
  });

  it('§7.62 WebhookReceiver accepts the delivered request and rejects tampering / other keys', async () => {
    const room = uniqueRoom('receiver');
    await t.rooms.createRoom({ name: room });
    const hook = await hooks.waitForEvent(room, 'room_started');
    const receiver = new WebhookReceiver(HOOK_KEY, HOOK_SECRET);
    const event = await receiver.receive(hook.body, auth(hook));
    expect(event.event).toBe('room_started');
    expect(event.room?.name).toBe(room);
    expect(event.id).toBe(hook.json?.id);

    const idx = hook.body.indexOf(room);
    const tampered = `${hook.body.slice(0, idx)}X${hook.body.slice(idx + 1)}`;
    await expect(receiver.receive(tampered, auth(hook))).rejects.toThrow(
      'sha256 checksum of body does not match',
    );
    await expect(receiver.receive(hook.body, '')).rejects.toThrow('authorization header is empty');
    await expect(
      new WebhookReceiver('devkey', HOOK_SECRET).receive(hook.body, auth(hook)),
    ).rejects.toThrow(/iss/);
    await expect(
      new WebhookReceiver(HOOK_KEY, 'secret').receive(hook.body, auth(hook)),
    ).rejects.toThrow();
  });

  it('§7.63 a receiver answering 500 gets the same event retried 4 times (5 attempts in all)', async () => {
    const room = uniqueRoom('fail500');
    await t.rooms.createRoom({ name: room });
    const attempts = await waitFor(() => {
      const got = hooks.forRoom(room).filter((r) => r.json?.event === 'room_started');
      return got.length >= 5 ? got : undefined;
    }, 8000);
    // The next retry would be due ~16 × base (320 ms) after the fourth; wait well past it.
    await sleep(600);
    const all = hooks.forRoom(room).filter((r) => r.json?.event === 'room_started');
    expect(all).toHaveLength(5);
    expect(new Set(all.map((r) => r.json?.id)).size).toBe(1);
    // Exponential backoff: each gap is at least as long as the one before (with some slack).
    const gaps = attempts.slice(1).map((r, i) => r.at - (attempts[i]?.at ?? 0));
    expect(gaps.every((g) => g >= 5)).toBe(true);
    expect(gaps.at(-1)).toBeGreaterThan(gaps[0] ?? 0);
  });

  it('§7.63 a receiver answering 400 gets the event once (counts as delivered)', async () => {
    const room = uniqueRoom('fail400');
    await t.rooms.createRoom({ name: room });
    await hooks.waitForEvent(room, 'room_started');
    await sleep(400);
    expect(hooks.forRoom(room).filter((r) => r.json?.event === 'room_started')).toHaveLength(1);
    expect(hooks.forRoom(room).every((r) => r.status === 400)).toBe(true);
  });

  it('§7.63 (§5.4) 429 is retried like 5xx, 501 is not retried', async () => {
    const r429 = uniqueRoom('fail429');
    const r501 = uniqueRoom('fail501');
    await t.rooms.createRoom({ name: r429 });
    await t.rooms.createRoom({ name: r501 });
    await waitFor(() => hooks.forRoom(r429).length >= 5, 8000);
    await sleep(300);
    expect(hooks.forRoom(r429)).toHaveLength(5);
    expect(hooks.forRoom(r501)).toHaveLength(1);
  });

  it('§7.63 (§5.4) a retried event still precedes the next event of its room', async () => {
    const room = uniqueRoom('fail500');
    await t.rooms.createRoom({ name: room });
    await t.control.join(room, 'alice');
    await waitFor(() => hooks.eventsForRoom(room).includes('participant_joined'), 8000);
    const events = hooks.eventsForRoom(room);
    expect(events.slice(0, 6)).toEqual([...Array(5).fill('room_started'), 'participant_joined']);
  });

  it('§7.64 events of one room arrive in emission order', async () => {
    const room = uniqueRoom('order');
    await t.rooms.createRoom({ name: room, departureTimeout: 1 });
    const alice = await t.control.join(room, 'alice', { tracks: [MIC] });
    await t.control.unpublish(room, 'alice', alice.tracks[0]?.sid ?? '');
    await t.control.leave(room, 'alice');
    await hooks.waitForEvent(room, 'room_finished', undefined, 6000);
    expect(hooks.eventsForRoom(room)).toEqual([
      'room_started',
      'participant_joined',
      'track_published',
      'track_unpublished',
      'participant_left',
      'room_finished',
    ]);
  });

  it('§7.64 (§5.4) a failing room does not hold back another room’s events', async () => {
    const slowRoom = uniqueRoom('fail500');
    const fastRoom = uniqueRoom('fast');
    await t.rooms.createRoom({ name: slowRoom });
    await t.rooms.createRoom({ name: fastRoom });
    await hooks.waitForEvent(fastRoom, 'room_started');
    const slowAttempts = hooks.forRoom(slowRoom).length;
    expect(slowAttempts).toBeLessThan(5);
  });
});
