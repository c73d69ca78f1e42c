import { describe, expect, it } from 'vitest';
import { IngressState_Status } from '@livekit/protocol';
import { EgressStatus, EncodedFileOutput, IngressInput } from 'livekit-server-sdk';
import {
  expectTwirpError,
  isRealServer,
  MIN_STALL_MS,
  uniqueRoom,
  setupTarget,
  setupWebhookSink,
  waitFor,
  type Json,
} from './harness';

// §7.65/§7.66 describe a server without Redis (the default `--dev` setup). A real server that has
// Redis wired up will answer those two with data instead.
describe('egress, ingress and agent dispatch with default config', () => {
  const t = setupTarget();

  it('§7.65 ListEgress without roomRecord → 401 "permissions denied"', async () => {
    const res = await t.twirp('Egress', 'ListEgress', {}, { grant: { roomList: true } });
    expectTwirpError(res, 401, 'unauthenticated', 'permissions denied');
  });

  it('§7.65 ListEgress with roomRecord but no Redis → 500 internal "egress not connected"', async () => {
    await expect(t.egress.listEgress()).rejects.toMatchObject({
      status: 500,
      code: 'internal',
      message: 'twirp error unknown: egress not connected (redis required)',
    });
  });

  it('§7.66 ListIngress with ingressAdmin but no Redis → 500 internal "ingress not connected"', async () => {
    await expect(t.ingress.listIngress()).rejects.toMatchObject({
      status: 500,
      code: 'internal',
      message: 'twirp error unknown: ingress not connected (redis required)',
    });
    const denied = await t.twirp('Ingress', 'ListIngress', {}, { grant: { roomRecord: true } });
    expectTwirpError(denied, 401, 'unauthenticated', 'permissions denied');
  });

  it('§7.67 ListDispatch on a fresh CreateRoom room → one default dispatch, agent_name "", id AD_', async () => {
    const room = uniqueRoom('dispatch');
    await t.rooms.createRoom({ name: room });
    const res = await t.twirp(
      'AgentDispatchService',
      'ListDispatch',
      { room },
      {
        grant: { roomAdmin: true, room },
      },
    );
    expect(res.status).toBe(200);
    const list = res.json.agent_dispatches as Json[];
    expect(list).toHaveLength(1);
    expect(list[0]?.agent_name).toBe('');
    expect(list[0]?.id).toMatch(/^AD_[2-9A-HJ-NP-Za-km-z]{12}$/);
    expect(list[0]?.room).toBe(room);
  });

  it('§7.67 (§6.1) a room created with an explicit agents list gets exactly those dispatches', async () => {
    const room = uniqueRoom('agents');
    const res = await t.room(
      'CreateRoom',
      { name: room, agents: [{ agent_name: 'a1', metadata: 'm' }] },
      { roomCreate: true },
    );
    expect(res.status).toBe(200);
    const list = await t.dispatch.listDispatch(room);
    expect(list.map((d) => [d.agentName, d.metadata])).toEqual([['a1', 'm']]);
    expect(list[0]?.id).toMatch(/^AD_/);
  });

  it('§7.68 DeleteDispatch with an unknown dispatch_id on a live room → 404 "dispatch ID not found"', async () => {
    const room = uniqueRoom('deldispatch');
    await t.rooms.createRoom({ name: room });
    const res = await t.twirp(
      'AgentDispatchService',
      'DeleteDispatch',
      { room, dispatch_id: 'AD_doesnotexist' },
      { grant: { roomAdmin: true, room } },
    );
    expectTwirpError(res, 404, 'not_found', 'twirp error unknown: dispatch ID not found');
  });

  it('§7.69 CreateDispatch for a room that does not exist → 200 and the room now exists', async () => {
    const room = uniqueRoom('autocreate');
    const dispatch = await t.dispatch.createDispatch(room, 'helper', { metadata: 'md' });
    expect(dispatch.id).toMatch(/^AD_/);
    expect(dispatch.agentName).toBe('helper');
    expect(dispatch.room).toBe(room);
    expect(dispatch.metadata).toBe('md');
    expect((await t.rooms.listRooms([room])).map((r) => r.name)).toEqual([room]);
    const names = (await t.dispatch.listDispatch(room)).map((d) => d.agentName);
    expect(names).toContain('helper');
  });

  it('§7.68 (§6.1) CreateDispatch, DeleteDispatch round trip on a live room', async () => {
    const room = uniqueRoom('roundtrip');
    await t.rooms.createRoom({ name: room });
    const created = await t.dispatch.createDispatch(room, 'worker');
    expect(await t.dispatch.listDispatch(room)).toHaveLength(2);
    const res = await t.twirp(
      'AgentDispatchService',
      'DeleteDispatch',
      { room, dispatch_id: created.id },
      { grant: { roomAdmin: true, room } },
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: created.id, agent_name: 'worker', room });
    const left = await t.dispatch.listDispatch(room);
    expect(left.map((d) => d.agentName)).toEqual(['']);
  });

  it('§7.68 (§6.1) ListDispatch for a room that is not live → 503 after the stall', async () => {
    const room = uniqueRoom('notlive');
    const start = Date.now();
    await expect(t.dispatch.listDispatch(room)).rejects.toMatchObject({
      status: 503,
      code: 'unavailable',
    });
    expect(Date.now() - start).toBeGreaterThanOrEqual(MIN_STALL_MS);
  });
});

// Simulated Redis-backed egress/ingress is a stand-in option; a real server decides by its setup.
describe.skipIf(isRealServer)(
  'egress and ingress with simulated entries (stand-in egress: true)',
  () => {
    const hooks = setupWebhookSink();
    const t = setupTarget(() => ({ egress: true, webhooks: [hooks.url] }));
    const file = () => new EncodedFileOutput({ filepath: 'out.mp4' });

    it('§7.65 (§6.2) StartRoomCompositeEgress → EG_ entry listed; StopEgress → ENDING then COMPLETE', async () => {
      const room = uniqueRoom('egress');
      const created = await t.rooms.createRoom({ name: room });
      const info = await t.egress.startRoomCompositeEgress(room, file());
      expect(info.egressId).toMatch(/^EG_[2-9A-HJ-NP-Za-km-z]{12}$/);
      expect(info.roomName).toBe(room);
      expect(info.roomId).toBe(created.sid);
      expect([EgressStatus.EGRESS_STARTING, EgressStatus.EGRESS_ACTIVE]).toContain(info.status);

      const listed = await t.egress.listEgress({ roomName: room });
      expect(listed.map((e) => e.egressId)).toEqual([info.egressId]);
      expect((await t.egress.listEgress({ roomName: room, active: true })).length).toBe(1);

      const stopped = await t.egress.stopEgress(info.egressId);
      expect(stopped.status).toBe(EgressStatus.EGRESS_ENDING);
      const final = await waitFor(async () => {
        const [e] = await t.egress.listEgress({ roomName: room });
        return e?.status === EgressStatus.EGRESS_COMPLETE ? e : undefined;
      });
      expect(final.endedAt).toBeGreaterThan(0n);
      expect(await t.egress.listEgress({ roomName: room, active: true })).toEqual([]);

      await expect(t.egress.stopEgress(info.egressId)).rejects.toMatchObject({
        status: 412,
        code: 'failed_precondition',
        message: 'egress with status EGRESS_COMPLETE cannot be stopped',
      });
    });

    it('§7.65 (§6.2) StopEgress for an unknown id → 404 "egress does not exist"', async () => {
      await expect(t.egress.stopEgress('EG_doesnotexist')).rejects.toMatchObject({
        status: 404,
        code: 'not_found',
        message: 'twirp error unknown: egress does not exist',
      });
    });

    it('§7.65 (§5.1) egress webhooks: egress_started, egress_updated, egress_ended with a trimmed room', async () => {
      const room = uniqueRoom('egresshooks');
      await t.rooms.createRoom({ name: room });
      const info = await t.egress.startRoomCompositeEgress(room, file());
      await t.egress.stopEgress(info.egressId);
      await hooks.waitForEvent(room, 'egress_ended');
      const egressHooks = hooks
        .forRoom(room)
        .filter((r) => String(r.json?.event).startsWith('egress_'));
      expect(egressHooks.map((r) => r.json?.event)[0]).toBe('egress_started');
      expect(egressHooks.map((r) => r.json?.event).at(-1)).toBe('egress_ended');
      for (const r of egressHooks) {
        expect(Object.keys(r.json?.room as Json).sort()).toEqual(['name', 'sid']);
        expect((r.json?.egressInfo as Json).egressId).toBe(info.egressId);
      }
      expect((egressHooks.at(-1)?.json?.egressInfo as Json).status).toBe('EGRESS_COMPLETE');
    });

    it('§7.66 (§6.3) CreateIngress → IN_ entry with stream key; ListIngress shows it; DeleteIngress removes it', async () => {
      const room = uniqueRoom('ingress');
      const info = await t.ingress.createIngress(IngressInput.RTMP_INPUT, {
        name: 'obs',
        roomName: room,
        participantIdentity: 'streamer',
        participantName: 'Streamer',
      });
      expect(info.ingressId).toMatch(/^IN_[2-9A-HJ-NP-Za-km-z]{12}$/);
      expect(info.streamKey).not.toBe('');
      expect(info.url).not.toBe('');
      expect(info.inputType).toBe(IngressInput.RTMP_INPUT);
      expect(info.roomName).toBe(room);
      expect(info.participantIdentity).toBe('streamer');
      expect(info.state?.status).toBe(IngressState_Status.ENDPOINT_INACTIVE);

      const listed = await t.ingress.listIngress({ roomName: room });
      expect(listed.map((i) => i.ingressId)).toEqual([info.ingressId]);
      const deleted = await t.ingress.deleteIngress(info.ingressId);
      expect(deleted.ingressId).toBe(info.ingressId);
      expect(await t.ingress.listIngress({ roomName: room })).toEqual([]);
    });

    it('§7.66 (§5.1) an encoder connecting/leaving → PUBLISHING + ingress_started, then ingress_ended', async () => {
      const room = uniqueRoom('ingresshooks');
      const info = await t.ingress.createIngress(IngressInput.RTMP_INPUT, {
        name: 'obs',
        roomName: room,
        participantIdentity: 'streamer',
      });
      const start = await t.control.raw('POST', `/ingress/${info.ingressId}/start`, {});
      expect(start.status).toBe(200);
      const [live] = await t.ingress.listIngress({ ingressId: info.ingressId });
      expect(live?.state?.status).toBe(IngressState_Status.ENDPOINT_PUBLISHING);
      const started = await hooks.waitForEvent(room, 'ingress_started');
      expect(started.json?.room).toEqual({ name: room });
      expect((started.json?.ingressInfo as Json).ingressId).toBe(info.ingressId);
      await t.ingress.deleteIngress(info.ingressId);
      const ended = await hooks.waitForEvent(room, 'ingress_ended');
      expect((ended.json?.ingressInfo as Json).ingressId).toBe(info.ingressId);
    });

    it('§7.66 (§1.3) ListIngress answers snake_case with every field present', async () => {
      const room = uniqueRoom('ingressjson');
      await t.ingress.createIngress(IngressInput.WHIP_INPUT, {
        name: 'whip',
        roomName: room,
        participantIdentity: 'whipper',
      });
      const res = await t.twirp(
        'Ingress',
        'ListIngress',
        { room_name: room },
        {
          grant: { ingressAdmin: true },
        },
      );
      expect(res.status).toBe(200);
      const [item] = res.json.items as Json[];
      expect(item).toMatchObject({ input_type: 'WHIP_INPUT', room_name: room, name: 'whip' });
      expect(item).toHaveProperty('participant_name', '');
      expect(item).toHaveProperty('enabled', null);
    });
  },
);
