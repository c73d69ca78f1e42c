import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../index';
import { StandinControl } from './control-client';
import { StandinControlError } from './control-error';

// The typed client against a real stand-in: every endpoint once, and how failures surface.
let standin: Standin;
let control: StandinControl;

beforeAll(async () => {
  standin = await startStandin({ port: 0, egress: true });
  control = new StandinControl({ url: standin.url });
});
afterAll(async () => {
  await standin?.close();
});
beforeEach(async () => {
  await control.reset();
});

const failureOf = async (promise: Promise<unknown>): Promise<StandinControlError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StandinControlError);
  return error as StandinControlError;
};

describe('StandinControl', () => {
  it('joins participants and reads them back from the state', async () => {
    const alice = await control.join({
      room: 'r',
      identity: 'alice',
      kind: 'agent',
      tracks: [{ type: 'audio', source: 'microphone' }],
    });
    expect(alice).toMatchObject({ identity: 'alice', kind: 'AGENT', state: 'ACTIVE' });
    expect(
      await control.bulkJoin([
        { room: 'r', identity: 'b1' },
        { room: 's', identity: 'b2' },
      ]),
    ).toEqual({ joined: 2 });

    const state = await control.state();
    expect(state.rooms.map((r) => r.room.name).sort()).toEqual(['r', 's']);
    expect((await control.room('r'))?.participants.map((p) => p.identity)).toEqual(['alice', 'b1']);
    expect((await control.participant('r', 'alice'))?.sid).toBe(alice.sid);
    expect((await control.track('r', 'alice', 'MICROPHONE')).sid).toBe(alice.tracks[0]!.sid);
    await expect(control.track('r', 'alice', 'CAMERA')).rejects.toThrow('no CAMERA track');
  });

  it('advances a held join and lets the participant leave', async () => {
    await control.join({ room: 'r', identity: 'alice', state: 'JOINING' });
    expect(await control.advance('r', 'alice', 'ACTIVE')).toMatchObject({ state: 'ACTIVE' });
    await control.leave('r', 'alice');
    expect(await control.participant('r', 'alice')).toBeUndefined();
  });

  it('publishes, self-mutes and unpublishes tracks', async () => {
    await control.join({ room: 'r', identity: 'alice' });
    const cam = await control.publish('r', 'alice', {
      type: 'VIDEO',
      source: 'CAMERA',
      simulcast: true,
    });
    expect(cam).toMatchObject({ source: 'CAMERA', width: 1280, muted: false });
    expect(await control.selfMute('r', 'alice', cam.sid, true)).toMatchObject({ muted: true });
    await control.unpublish('r', 'alice', cam.sid);
    expect((await control.participant('r', 'alice'))?.tracks).toEqual([]);
  });

  it('reads what a participant was sent, all of it or one type', async () => {
    await control.join({ room: 'r', identity: 'alice' });
    await control.join({ room: 'r', identity: 'alice' });
    expect(await control.received('r', 'alice')).toMatchObject([{ type: 'leave' }]);
    const [leave] = await control.receivedOf('r', 'alice', 'leave');
    expect(leave?.reason).toBe('DUPLICATE_IDENTITY');
    expect(await control.receivedOf('r', 'alice', 'data')).toEqual([]);
  });

  it('drives simulated egress and ingress', async () => {
    await control.join({ room: 'r', identity: 'alice' });
    const egress = await control.startEgress({ room: 'r' });
    expect(egress.room_name).toBe('r');
    expect((await control.stopEgress(egress.egress_id)).status).toBe('EGRESS_ENDING');
    const ingress = await control.createIngress({ room: 'r', inputType: 'whip_input' });
    expect((await control.startIngress(ingress.ingress_id)).state?.status).toBe(
      'ENDPOINT_PUBLISHING',
    );
    expect((await control.stopIngress(ingress.ingress_id)).state?.status).toBe('ENDPOINT_INACTIVE');
  });

  it('throws the status, body and Twirp code of a refusal', async () => {
    const missing = await failureOf(control.received('r', 'nobody'));
    expect(missing).toMatchObject({ status: 404, code: 'not_found' });
    expect(missing.message).toContain('/standin/v1/participants/r/nobody/received');

    const invalid = await failureOf(control.join({ room: '', identity: 'x' }));
    expect(invalid).toMatchObject({ status: 400, code: 'invalid_argument' });
    expect(invalid.body).toContain('invalid request body: room');

    const forged = new StandinControl({ url: standin.url, apiSecret: 'not-the-secret' });
    const refused = await failureOf(forged.state());
    expect(refused.status).toBe(401);
    expect(refused.code).toBeUndefined();
  });

  it('signs one token and reuses it', async () => {
    expect(await control.token()).toBe(await control.token());
  });

  it('escapes room and identity in paths', async () => {
    await control.join({ room: 'a/b c', identity: 'd?e' });
    expect(await control.received('a/b c', 'd?e')).toEqual([]);
    await control.leave('a/b c', 'd?e');
  });
});
