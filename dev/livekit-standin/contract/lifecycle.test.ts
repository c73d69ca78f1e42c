import { describe, expect, it } from 'vitest';
import {
  isRealServer,
  MIC,
  sleep,
  uniqueRoom,
  setupTarget,
  setupWebhookSink,
  waitFor,
  type Json,
} from './harness';

const gone = (t: ReturnType<typeof setupTarget>, room: string, timeoutMs = 5000) =>
  waitFor(async () => (await t.rooms.listRooms([room])).length === 0, timeoutMs, 100);

describe.concurrent('lifecycle without participants', () => {
  const t = setupTarget();

  it('§7.35 a room nobody joins disappears from ListRooms about empty_timeout s after creation', async () => {
    const room = uniqueRoom('idle');
    const created = Date.now();
    await t.rooms.createRoom({ name: room, emptyTimeout: 2 });
    await sleep(500);
    // Whole-second bookkeeping means at least ~1 s must pass with empty_timeout 2.
    expect((await t.rooms.listRooms([room])).map((r) => r.name)).toEqual([room]);
    await gone(t, room);
    expect(Date.now() - created).toBeLessThan(5000);
  });

  it('§7.30 (§4.2) CreateRoom stores departure_timeout and max_participants given explicitly', async () => {
    const room = uniqueRoom('knobs');
    const created = await t.rooms.createRoom({
      name: room,
      departureTimeout: 7,
      maxParticipants: 3,
    });
    expect(created.departureTimeout).toBe(7);
    expect(created.maxParticipants).toBe(3);
    const [listed] = await t.rooms.listRooms([room]);
    expect(listed?.departureTimeout).toBe(7);
    expect(listed?.maxParticipants).toBe(3);
  });
});

// Webhooks and joined participants need the stand-in (webhook URL config and the control API).
describe.skipIf(isRealServer).concurrent('lifecycle with webhooks and participants', () => {
  const hooks = setupWebhookSink();
  const t = setupTarget(() => ({ webhooks: [hooks.url] }));

  it('§7.35 CreateRoom emits exactly one room_started; an idle close emits room_finished', async () => {
    const room = uniqueRoom('started');
    const created = await t.rooms.createRoom({ name: room, emptyTimeout: 1 });
    await t.rooms.createRoom({ name: room, emptyTimeout: 1 });
    const started = await hooks.waitForEvent(room, 'room_started');
    expect((started.json?.room as Json).sid).toBe(created.sid);
    const finished = await hooks.waitForEvent(room, 'room_finished', undefined, 5000);
    // room_finished carries the full Room, unlike the trimmed track events.
    expect(finished.json?.room).toMatchObject({
      sid: created.sid,
      name: room,
      emptyTimeout: 1,
      departureTimeout: 20,
    });
    expect((finished.json?.room as Json).creationTime).toMatch(/^\d+$/);
    expect(hooks.eventsForRoom(room)).toEqual(['room_started', 'room_finished']);
    expect(await t.rooms.listRooms([room])).toEqual([]);
  });

  it('§7.38 DeleteRoom with participants → leave ROOM_DELETED for each, participant_left, then room_finished', async () => {
    const room = uniqueRoom('delete');
    await t.control.join(room, 'alice', { tracks: [MIC] });
    await t.control.join(room, 'bob');
    await t.rooms.deleteRoom(room);
    expect(await t.rooms.listRooms([room])).toEqual([]);
    expect(await t.rooms.listParticipants(room)).toEqual([]);
    for (const who of ['alice', 'bob']) {
      const leaves = await t.control.receivedOf(room, who, 'leave');
      expect(leaves.map((l) => l.reason)).toEqual(['ROOM_DELETED']);
    }
    await hooks.waitForEvent(room, 'room_finished');
    const left = hooks
      .forRoom(room)
      .filter((r) => r.json?.event === 'participant_left')
      .map((r) => r.json?.participant as Json);
    expect(left.map((p) => p.identity).sort()).toEqual(['alice', 'bob']);
    expect(left.map((p) => p.disconnectReason)).toEqual(['ROOM_DELETED', 'ROOM_DELETED']);
    expect(hooks.eventsForRoom(room).at(-1)).toBe('room_finished');
  });

  it('§7.35 (§4.2) a present participant keeps a room open past empty_timeout; departure_timeout then closes it', async () => {
    const room = uniqueRoom('stay');
    await t.rooms.createRoom({ name: room, emptyTimeout: 1, departureTimeout: 1 });
    await t.control.join(room, 'alice');
    await sleep(2500);
    expect(await t.rooms.listRooms([room])).toHaveLength(1);
    const leftAt = Date.now();
    await t.control.leave(room, 'alice');
    await gone(t, room);
    expect(Date.now() - leftAt).toBeLessThan(4000);
    await hooks.waitForEvent(room, 'room_finished');
    const events = hooks.eventsForRoom(room);
    expect(events.indexOf('participant_left')).toBeLessThan(events.indexOf('room_finished'));
  });

  it('§7.35 (§4.2) after a departure the room waits departure_timeout, not empty_timeout', async () => {
    const quick = uniqueRoom('dep-quick');
    const slow = uniqueRoom('dep-slow');
    await t.rooms.createRoom({ name: quick, emptyTimeout: 60, departureTimeout: 1 });
    await t.rooms.createRoom({ name: slow, emptyTimeout: 1, departureTimeout: 30 });
    await t.control.join(quick, 'alice');
    await t.control.join(slow, 'alice');
    await t.control.leave(quick, 'alice');
    await t.control.leave(slow, 'alice');
    await gone(t, quick);
    await sleep(1500);
    expect(await t.rooms.listRooms([slow])).toHaveLength(1);
    await t.rooms.deleteRoom(slow);
  });

  it('§7.35 (§4.2) dependent participants (agent, egress) neither count nor keep the room open', async () => {
    const room = uniqueRoom('dependent');
    await t.rooms.createRoom({ name: room, emptyTimeout: 60, departureTimeout: 1 });
    await t.control.join(room, 'alice');
    await t.control.join(room, 'agent-1', { kind: 'AGENT' });
    await t.control.join(room, 'rec-1', { kind: 'EGRESS' });
    expect(await t.rooms.listParticipants(room)).toHaveLength(3);
    await waitFor(async () => (await t.rooms.listRooms([room]))[0]?.numParticipants === 1, 7000);

    await t.control.leave(room, 'alice');
    await gone(t, room);
    for (const who of ['agent-1', 'rec-1']) {
      const leaves = await t.control.receivedOf(room, who, 'leave');
      expect(leaves.map((l) => l.reason)).toEqual(['ROOM_CLOSED']);
    }
    await hooks.waitForEvent(room, 'room_finished');
  });

  it('§7.35 (§3.2) num_participants counts hidden participants; an egress participant sets active_recording', async () => {
    const room = uniqueRoom('recording');
    await t.control.join(room, 'ghost', { permission: { can_subscribe: true, hidden: true } });
    await t.control.join(room, 'alice', { tracks: [MIC] });
    await t.control.join(room, 'rec-1', { kind: 'EGRESS' });
    const listed = await waitFor(async () => {
      const [r] = await t.rooms.listRooms([room]);
      return r?.numParticipants === 2 && r.activeRecording ? r : undefined;
    }, 7000);
    expect(listed.numPublishers).toBe(1);
    await t.control.leave(room, 'rec-1');
    await waitFor(
      async () => (await t.rooms.listRooms([room]))[0]?.activeRecording === false,
      7000,
    );
  });

  it('§7.35 (§4.2) a room holding only an agent still closes by empty_timeout', async () => {
    const room = uniqueRoom('agentonly');
    await t.rooms.createRoom({ name: room, emptyTimeout: 1 });
    await t.control.join(room, 'agent-1', { kind: 'AGENT' });
    await gone(t, room);
    const leaves = await t.control.receivedOf(room, 'agent-1', 'leave');
    expect(leaves.map((l) => l.reason)).toEqual(['ROOM_CLOSED']);
  });

  it('§7.35 (§4.2) max_participants refuses one join too many but not a dependent participant', async () => {
    const room = uniqueRoom('max');
    await t.rooms.createRoom({ name: room, maxParticipants: 1 });
    await t.control.join(room, 'alice');
    const refused = await t.control.raw('POST', '/participants', { room, identity: 'bob' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.contentType).toBe('application/json');
    expect(String(refused.json.msg)).toContain('room has exceeded its max participants');
    await t.control.join(room, 'agent-1', { kind: 'AGENT' });
    const ids = (await t.rooms.listParticipants(room)).map((p) => p.identity).sort();
    expect(ids).toEqual(['agent-1', 'alice']);
  });
});
