import { expect, test, type LiveKitSeeder } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import { E2E } from '../support/ports';

import {
  actionIds,
  auditEvents,
  chooseAction,
  postAction,
  Standin,
  type ActionName,
} from './support';

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

/** What a stand-in room looks like to these specs; compared before and after the attempts. */
async function snapshot(room: string) {
  const state = await standin.room(room);
  const participants = await Promise.all(
    (state?.participants ?? []).map(async (p) => ({
      identity: p.identity,
      name: p.name,
      metadata: p.metadata,
      permission: p.permission,
      tracks: p.tracks.map((t) => ({ sid: t.sid, muted: t.muted })),
      received: (await standin.received(room, p.identity)).map((e) => e.type),
    })),
  );

  return { exists: Boolean(state), metadata: state?.room.metadata, participants };
}

async function seedTarget(livekit: LiveKitSeeder, suffix: string, metadata?: string) {
  const name = await livekit.seedRoom(
    livekit.roomName(suffix),
    [
      {
        identity: 'alice',
        tracks: [
          { type: 'AUDIO', source: 'MICROPHONE' },
          { type: 'VIDEO', source: 'CAMERA' },
        ],
      },
      { identity: 'bob', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ],
    metadata ? { metadata } : {},
  );
  const mic = await standin.track(name, 'alice', 'MICROPHONE');
  const bobMic = await standin.track(name, 'bob', 'MICROPHONE');

  return { name, mic: mic.sid, bobMic: bobMic.sid };
}

/** One valid request per server action, all aimed at `room` (and its participants). */
function attempts(
  target: { name: string; mic: string; bobMic: string },
  destination: string,
  newRoomMetadata = '',
) {
  const { name: roomName, mic, bobMic } = target;
  const alice = { roomName, identity: 'alice' };
  const list: { action: ActionName; audit: string; input: unknown; path: string }[] = [
    {
      action: 'createRoomAction',
      audit: 'room.created',
      input: { roomName: `${roomName}-new`, metadata: newRoomMetadata },
      path: '/rooms',
    },
    { action: 'deleteRoomAction', audit: 'room.deleted', input: { roomName }, path: '' },
    {
      action: 'updateRoomMetadataAction',
      audit: 'room.metadata_updated',
      input: { roomName, metadata: '{"taken":true}' },
      path: '',
    },
    { action: 'sendDataAction', audit: 'data.sent', input: { roomName, payload: 'hi' }, path: '' },
    {
      action: 'muteTrackAction',
      audit: 'track.muted',
      input: { ...alice, trackSid: mic, muted: true },
      path: '',
    },
    {
      action: 'requestUnmuteAction',
      audit: 'track.unmute_requested',
      input: { ...alice, trackSid: mic },
      path: '',
    },
    { action: 'removeParticipantAction', audit: 'participant.removed', input: alice, path: '' },
    {
      action: 'updatePermissionsAction',
      audit: 'participant.permissions_updated',
      input: { ...alice, permission: { canPublish: false, hidden: true } },
      path: '',
    },
    {
      action: 'updateParticipantAction',
      audit: 'participant.updated',
      input: { ...alice, name: 'Mallory', attributes: { x: '1' } },
      path: '',
    },
    {
      action: 'updateSubscriptionsAction',
      audit: 'participant.subscriptions_updated',
      input: { ...alice, trackSids: [bobMic], subscribe: false },
      path: '',
    },
    {
      action: 'moveParticipantAction',
      audit: 'participant.moved',
      input: { ...alice, destinationRoom: destination, mode: 'move' },
      path: '',
    },
  ];

  return list.map((a) => ({ ...a, path: a.path || `/rooms/${encodeURIComponent(roomName)}` }));
}

test.describe('viewer', () => {
  test.use({ account: 'moderator' });

  test('a replayed moderator mute request is rejected, changes nothing and is audited', async ({
    page,
    livekit,
    loginAs,
    baseURL,
  }) => {
    const target = await seedTarget(livekit, 'replay');
    const room = new RoomPage(page);
    await room.goto(target.name);

    const captured = page.waitForRequest(
      (req) => req.method() === 'POST' && Boolean(req.headers()['next-action']),
    );
    await chooseAction(page, 'alice', 'Mute microphone of alice');
    const request = await captured;
    await expect(page.getByText('Muted microphone of alice.')).toBeVisible();
    expect((await standin.track(target.name, 'alice', 'MICROPHONE')).muted).toBe(true);

    // Alice unmutes herself; a successful replay would mute her again.
    await standin.selfMute(target.name, 'alice', target.mic, false);
    const before = await snapshot(target.name);

    const { cookie: _cookie, ...headers } = request.headers();
    const replay = await postAction({
      baseURL: baseURL!,
      storageState: await loginAs('viewer'),
      actionId: headers['next-action']!,
      pagePath: new URL(request.url()).pathname,
      body: request.postData() ?? '',
      headers,
    });
    expect(replay.text).toContain('"code":"forbidden"');
    expect(await snapshot(target.name)).toEqual(before);

    const denied = await auditEvents(baseURL!, await loginAs('admin'), {
      action: 'track.muted',
      roomName: target.name,
      outcome: 'denied',
    });
    expect(denied).toEqual([
      expect.objectContaining({ role: 'viewer', identity: 'alice', errorCode: 'forbidden' }),
    ]);
  });

  test('cannot run any action by calling the server actions by hand', async ({
    livekit,
    loginAs,
    baseURL,
  }) => {
    const target = await seedTarget(livekit, 'viewer-all');
    const other = await livekit.seedRoom(livekit.roomName('viewer-other'));
    const ids = actionIds();
    const viewer = await loginAs('viewer');
    const before = await snapshot(target.name);

    for (const attempt of attempts(target, other)) {
      const res = await postAction({
        baseURL: baseURL!,
        storageState: viewer,
        actionId: ids[attempt.action],
        pagePath: attempt.path,
        body: JSON.stringify([attempt.input]),
      });
      expect(res.text, attempt.action).toContain('"code":"forbidden"');
    }

    expect(await snapshot(target.name)).toEqual(before);
    expect(await standin.room(`${target.name}-new`)).toBeUndefined();
    const admin = await loginAs('admin');
    for (const attempt of attempts(target, other)) {
      const roomName = attempt.action === 'createRoomAction' ? `${target.name}-new` : target.name;
      const denied = await auditEvents(baseURL!, admin, {
        action: attempt.audit,
        roomName,
        outcome: 'denied',
      });
      expect(denied, attempt.audit).toEqual([expect.objectContaining({ role: 'viewer' })]);
    }
  });
});

test.describe('tenant moderator (acme)', () => {
  test.use({ account: 'acme' });

  test('cannot touch another tenant’s room by any action', async ({
    livekit,
    loginAs,
    baseURL,
  }) => {
    const globex = await seedTarget(livekit, 'globex-owned', '{"auth_id":"globex"}');
    const acmeRoom = await livekit.seedRoom(livekit.roomName('acme-own'), [], {
      metadata: '{"auth_id":"acme"}',
    });
    const ids = actionIds();
    const acme = await loginAs('acme');
    const before = await snapshot(globex.name);

    for (const attempt of attempts(globex, acmeRoom, '{"auth_id":"globex"}')) {
      const res = await postAction({
        baseURL: baseURL!,
        storageState: acme,
        actionId: ids[attempt.action],
        pagePath: attempt.path,
        body: JSON.stringify([attempt.input]),
      });
      // A moderator may not create or delete rooms at all; every other action finds no such room.
      const adminOnly = ['createRoomAction', 'deleteRoomAction'].includes(attempt.action);
      const expected = adminOnly ? 'forbidden' : 'not_found';
      expect(res.text, attempt.action).toContain(`"code":"${expected}"`);
    }
    // Nor may it pull a participant of its own room into the other tenant's room.
    await livekit.addParticipant(acmeRoom, { identity: 'dave' });
    const move = await postAction({
      baseURL: baseURL!,
      storageState: acme,
      actionId: ids.moveParticipantAction,
      pagePath: `/rooms/${encodeURIComponent(acmeRoom)}`,
      body: JSON.stringify([
        { roomName: acmeRoom, identity: 'dave', destinationRoom: globex.name, mode: 'forward' },
      ]),
    });
    expect(move.text).toContain('"code":"not_found"');

    expect(await snapshot(globex.name)).toEqual(before);
    expect(await standin.room(`${globex.name}-new`)).toBeUndefined();
    const audited = await auditEvents(baseURL!, await loginAs('admin'), {
      roomName: globex.name,
      actor: 'acme',
    });
    expect(audited).toHaveLength(10);
    for (const event of audited) {
      expect(event.tenant).toBe('acme');
      expect(event.outcome).not.toBe('success');
      expect(['not_found', 'forbidden']).toContain(event.errorCode);
    }
  });
});
