import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { TokenVerifier } from 'livekit-server-sdk';

import {
  expect,
  LiveKitSeeder,
  loginAs,
  signIn,
  test,
  uniqueSuffix,
  type StandinState,
} from '../fixtures';
import { decodePayload, Standin } from '../moderation/support';
import {
  apiOperation,
  apiOperations,
  callOperation,
  expectResponseMatches,
  type ApiAnswer,
} from '../support/openapi';
import { E2E } from '../support/ports';

/**
 * One successful REST call per operation of the OpenAPI document, as admin, on seeded data: every
 * answer is validated against the document's schema (errors against the Error schema), and each
 * write is checked where it lands — in the stand-in or in the users store.
 */

const BASE_URL = `http://127.0.0.1:${E2E.dashboardPort}`;
const CLOUD_URL = `http://127.0.0.1:${E2E.cloudDashboardPort}`;
const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);
const cloudStandin = new Standin(`http://127.0.0.1:${E2E.cloudLivekitPort}`);

test.use({ account: 'admin', extraHTTPHeaders: { origin: BASE_URL } });

interface Context {
  request: APIRequestContext;
  livekit: LiveKitSeeder;
  baseURL: string;
}

/** Calls the operation, expects `status`, and validates the answer against the document. */
async function call(
  request: APIRequestContext,
  operationId: string,
  input: Record<string, unknown>,
  status: number,
): Promise<ApiAnswer> {
  const answer = await callOperation(request, operationId, input);
  expect(answer.status, `${operationId}: ${answer.text.slice(0, 300)}`).toBe(status);
  if (status !== 204) expect(answer.headers['content-type']).toContain('application/json');
  await expectResponseMatches(operationId, answer.status, answer.body);
  return answer;
}

/** A room with alice (microphone + camera) and bob (microphone). */
async function seedRoom(livekit: LiveKitSeeder, suffix: string, metadata?: string) {
  const name = await livekit.seedRoom(
    livekit.roomName(suffix),
    [
      {
        identity: 'alice',
        name: 'Alice',
        tracks: [
          { type: 'AUDIO', source: 'MICROPHONE' },
          { type: 'VIDEO', source: 'CAMERA' },
        ],
      },
      { identity: 'bob', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
    ],
    metadata ? { metadata } : {},
  );
  return {
    name,
    mic: (await standin.track(name, 'alice', 'MICROPHONE')).sid,
    bobMic: (await standin.track(name, 'bob', 'MICROPHONE')).sid,
  };
}

async function newUser(request: APIRequestContext, role = 'viewer') {
  const username = `op-${uniqueSuffix()}`;
  const answer = await call(request, 'createUser', { username, role }, 201);
  return (answer.body as { user: { id: string; username: string } }).user;
}

/** A viewer with a chosen password, so the spec can sign in as them. */
async function newUserWithPassword(request: APIRequestContext) {
  const username = `op-${uniqueSuffix()}`;
  const password = `pw-${username}-1`;
  const answer = await call(request, 'createUser', { username, role: 'viewer', password }, 201);
  return { id: (answer.body as { user: { id: string } }).user.id, username, password };
}

type StandinRoom = StandinState['rooms'][number];

interface HappyPath {
  /** `METHOD /api/v1/…` as the document has it; checked against it. */
  route: string;
  behaviour: string;
  run(context: Context): Promise<void>;
}

const HAPPY_PATHS: Record<string, HappyPath> = {
  listRooms: {
    route: 'GET /api/v1/rooms',
    behaviour: 'lists the seeded room with its counts and tenant',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'list', '{"auth_id":"acme"}');
      const { body } = await call(request, 'listRooms', {}, 200);
      expect((body as { rooms: { name: string }[] }).rooms).toContainEqual(
        expect.objectContaining({
          name: room.name,
          numParticipants: 2,
          numPublishers: 2,
          tenant: 'acme',
        }),
      );
    },
  },
  getRoom: {
    route: 'GET /api/v1/rooms/:roomName',
    behaviour: 'answers the room; an unknown one is 404',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'one');
      const { body } = await call(request, 'getRoom', { roomName: room.name }, 200);
      expect(body).toMatchObject({ name: room.name, numParticipants: 2, tenant: null });
      await call(request, 'getRoom', { roomName: livekit.roomName('missing') }, 404);
    },
  },
  createRoom: {
    route: 'POST /api/v1/rooms',
    behaviour: 'creates the room with its options in LiveKit; the same name again is 409',
    async run({ request, livekit }) {
      const roomName = livekit.roomName('created');
      try {
        const input = {
          roomName,
          metadata: '{"topic":"new"}',
          maxParticipants: 7,
          emptyTimeout: 120,
        };
        const { body } = await call(request, 'createRoom', input, 201);
        expect(body).toMatchObject({ name: roomName, maxParticipants: 7, emptyTimeout: 120 });
        const created = (await standin.room(roomName)) as StandinRoom;
        expect(created.room).toMatchObject({
          metadata: '{"topic":"new"}',
          max_participants: 7,
          empty_timeout: 120,
        });
        await call(request, 'createRoom', input, 409);
      } finally {
        await livekit.deleteRoom(roomName);
      }
    },
  },
  deleteRoom: {
    route: 'DELETE /api/v1/rooms/:roomName',
    behaviour: 'closes the room, disconnecting everyone; then it is 404',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'closing');
      const { body } = await call(request, 'deleteRoom', { roomName: room.name }, 200);
      expect(body).toEqual({ disconnected: 2 });
      expect(await standin.room(room.name)).toBeUndefined();
      expect(await standin.received(room.name, 'alice')).toContainEqual(
        expect.objectContaining({ type: 'leave' }),
      );
      await call(request, 'deleteRoom', { roomName: room.name }, 404);
    },
  },
  updateRoomMetadata: {
    route: 'PATCH /api/v1/rooms/:roomName',
    behaviour: 'replaces the metadata in LiveKit',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'meta', '{"topic":"old"}');
      const metadata = '{"topic":"changed"}';
      const { body } = await call(
        request,
        'updateRoomMetadata',
        { roomName: room.name, metadata },
        200,
      );
      expect(body).toMatchObject({ name: room.name, metadata });
      expect((await standin.room(room.name))?.room.metadata).toBe(metadata);
    },
  },
  sendData: {
    route: 'POST /api/v1/rooms/:roomName/data',
    behaviour: 'delivers the message to the chosen participant only',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'data');
      const input = {
        roomName: room.name,
        payload: 'hello',
        topic: 'chat',
        destinationIdentities: ['alice'],
      };
      const { body } = await call(request, 'sendData', input, 200);
      expect(body).toEqual({ recipients: 1 });
      const [message] = await standin.receivedOf(room.name, 'alice', 'data');
      expect(message).toMatchObject({ topic: 'chat', kind: 'RELIABLE' });
      expect(decodePayload(message!)).toBe('hello');
      expect(await standin.receivedOf(room.name, 'bob', 'data')).toEqual([]);
    },
  },
  listParticipants: {
    route: 'GET /api/v1/rooms/:roomName/participants',
    behaviour: 'lists the participants with their tracks',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'people');
      const { body } = await call(request, 'listParticipants', { roomName: room.name }, 200);
      const { participants } = body as { participants: { identity: string }[] };
      expect(participants.map((p) => p.identity).sort()).toEqual(['alice', 'bob']);
    },
  },
  getParticipant: {
    route: 'GET /api/v1/rooms/:roomName/participants/:identity',
    behaviour: 'answers the participant; an unknown identity is 404',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'person');
      const { body } = await call(
        request,
        'getParticipant',
        { roomName: room.name, identity: 'alice' },
        200,
      );
      expect(body).toMatchObject({ identity: 'alice', name: 'Alice' });
      expect((body as { tracks: { sid: string }[] }).tracks.map((t) => t.sid)).toContain(room.mic);
      await call(request, 'getParticipant', { roomName: room.name, identity: 'nobody' }, 404);
    },
  },
  searchParticipants: {
    route: 'GET /api/v1/participants',
    behaviour:
      'finds participants by part of their identity or name across rooms; a blank query is 400',
    async run({ request, livekit }) {
      const hex = uniqueSuffix();
      const first = await livekit.seedRoom(livekit.roomName('find a'), [
        { identity: `finder-${hex}`, name: 'Quinn Finder' },
      ]);
      const second = await livekit.seedRoom(livekit.roomName('find b'), [
        { identity: `guest-${hex}`, name: `Finder ${hex}` },
      ]);
      const found = async (query: string, limit?: number) => {
        const input = limit ? { query, limit } : { query };
        const { body } = await call(request, 'searchParticipants', input, 200);
        return body as {
          participants: { roomName: string; identity: string }[];
          truncated: boolean;
        };
      };
      const byIdentity = await found(`FINDER-${hex}`);
      expect(byIdentity.participants).toEqual([
        expect.objectContaining({ roomName: first, identity: `finder-${hex}`, state: 'ACTIVE' }),
      ]);
      const byName = await found(`finder ${hex}`);
      expect(byName.participants.map((p) => p.identity)).toEqual([`guest-${hex}`]);
      const both = await found(hex);
      expect(both.participants.map((p) => p.roomName).sort()).toEqual([first, second].sort());
      expect(both.truncated).toBe(false);
      const capped = await found(hex, 1);
      expect(capped.participants).toHaveLength(1);
      expect(capped.truncated).toBe(true);
      await call(request, 'searchParticipants', { query: '  ' }, 400);
    },
  },
  removeParticipant: {
    route: 'DELETE /api/v1/rooms/:roomName/participants/:identity',
    behaviour: 'disconnects the participant',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'remove');
      await call(request, 'removeParticipant', { roomName: room.name, identity: 'bob' }, 204);
      expect(await standin.participant(room.name, 'bob')).toBeUndefined();
      expect(await standin.participant(room.name, 'alice')).toBeDefined();
    },
  },
  banParticipant: {
    route: 'POST /api/v1/rooms/:roomName/participants/:identity/ban',
    behaviour: 'tells the participant why, removes them and stores the ban',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'ban');
      const input = {
        roomName: room.name,
        identity: 'bob',
        reason: 'Op test',
        durationSeconds: 900,
      };
      const { body } = await call(request, 'banParticipant', input, 201);
      expect(body).toMatchObject({
        removed: true,
        ban: { identity: 'bob', roomName: room.name, reason: 'Op test', liftedAtMs: null },
      });
      expect(await standin.participant(room.name, 'bob')).toBeUndefined();
      await call(request, 'banParticipant', { ...input, durationSeconds: 1 }, 400);
    },
  },
  listBans: {
    route: 'GET /api/v1/bans',
    behaviour: 'lists bans newest first',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'bans');
      const input = {
        roomName: room.name,
        identity: 'bob',
        reason: 'Listed',
        durationSeconds: null,
      };
      await call(request, 'banParticipant', input, 201);
      await call(request, 'banParticipant', { ...input, identity: 'alice' }, 201);
      const { body } = await call(request, 'listBans', {}, 200);
      // Other specs ban in parallel: the order is checked among this room's bans.
      const own = (body as { bans: { roomName: string | null }[] }).bans.filter(
        (ban) => ban.roomName === room.name,
      );
      expect(own).toEqual([
        expect.objectContaining({ identity: 'alice', expiresAtMs: null }),
        expect.objectContaining({ identity: 'bob', expiresAtMs: null }),
      ]);
    },
  },
  liftBan: {
    route: 'DELETE /api/v1/bans/:banId',
    behaviour: 'lifts the ban; again is 409, an unknown id 404',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'unban');
      const input = {
        roomName: room.name,
        identity: 'bob',
        reason: 'Lifted',
        durationSeconds: 900,
      };
      const created = await call(request, 'banParticipant', input, 201);
      const { id } = (created.body as { ban: { id: string } }).ban;
      const { body } = await call(request, 'liftBan', { banId: id }, 200);
      expect(body).toMatchObject({ id, liftedAtMs: expect.any(Number) });
      await call(request, 'liftBan', { banId: id }, 409);
      await call(request, 'liftBan', { banId: 'no-such-ban' }, 404);
    },
  },
  updatePermissions: {
    route: 'PATCH /api/v1/rooms/:roomName/participants/:identity/permission',
    behaviour: 'changes only the given permission in LiveKit',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'perm');
      const before = (await standin.participant(room.name, 'alice'))!.permission!;
      const { body } = await call(
        request,
        'updatePermissions',
        { roomName: room.name, identity: 'alice', permission: { canPublishData: false } },
        200,
      );
      expect(body).toMatchObject({ identity: 'alice', permission: { canPublishData: false } });
      const after = (await standin.participant(room.name, 'alice'))!.permission!;
      expect(after).toEqual({ ...before, can_publish_data: false });
    },
  },
  updateParticipant: {
    route: 'PATCH /api/v1/rooms/:roomName/participants/:identity',
    behaviour: 'changes name, metadata and attributes in LiveKit',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'edit');
      const input = {
        roomName: room.name,
        identity: 'alice',
        name: 'Alice B',
        metadata: '{"seat":3}',
        attributes: { team: 'red' },
      };
      const { body } = await call(request, 'updateParticipant', input, 200);
      expect(body).toMatchObject({ name: 'Alice B', attributes: { team: 'red' } });
      expect(await standin.participant(room.name, 'alice')).toMatchObject({
        name: 'Alice B',
        metadata: '{"seat":3}',
        attributes: { team: 'red' },
      });
    },
  },
  updateSubscriptions: {
    route: 'POST /api/v1/rooms/:roomName/participants/:identity/subscriptions',
    behaviour: 'sends the subscription change to the participant',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'subs');
      const input = {
        roomName: room.name,
        identity: 'alice',
        trackSids: [room.bobMic],
        subscribe: false,
      };
      await call(request, 'updateSubscriptions', input, 204);
      expect(await standin.receivedOf(room.name, 'alice', 'subscription_update')).toEqual([
        expect.objectContaining({ trackSids: [room.bobMic], subscribe: false }),
      ]);
    },
  },
  getParticipantSubscriptions: {
    route: 'GET /api/v1/rooms/:roomName/participants/:identity/subscriptions',
    behaviour:
      'answers the newest change per track made through Moderato; an unknown identity is 404',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'subs-read');
      const input = { roomName: room.name, identity: 'alice' };
      const before = await call(request, 'getParticipantSubscriptions', input, 200);
      expect(before.body).toMatchObject({ changes: [] });
      const change = { ...input, trackSids: [room.bobMic], subscribe: false };
      await call(request, 'updateSubscriptions', change, 204);
      const after = await call(request, 'getParticipantSubscriptions', input, 200);
      expect((after.body as { changes: unknown[] }).changes).toEqual([
        expect.objectContaining({ trackSid: room.bobMic, subscribed: false }),
      ]);
      await call(request, 'getParticipantSubscriptions', { ...input, identity: 'nobody' }, 404);
    },
  },
  moveParticipant: {
    route: 'POST /api/v1/rooms/:roomName/participants/:identity/move',
    behaviour: 'moves the participant on LiveKit Cloud; self-hosted LiveKit answers 501',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'stay');
      const destination = await livekit.seedRoom(livekit.roomName('nowhere'));
      const input = { roomName: room.name, identity: 'alice', destinationRoom: destination };
      await call(request, 'moveParticipant', { ...input, mode: 'move' }, 501);
      expect(await standin.participant(room.name, 'alice')).toBeDefined();

      // The Cloud dashboard (its own store, its own stand-in) really moves.
      const cloud = new LiveKitSeeder(cloudStandin.url, `op-move-${uniqueSuffix()}`);
      const api = await playwrightRequest.newContext({
        baseURL: CLOUD_URL,
        storageState: await loginAs('admin', CLOUD_URL),
        extraHTTPHeaders: { origin: CLOUD_URL },
      });
      try {
        const from = await cloud.seedRoom(cloud.roomName('from'), [
          { identity: 'alice', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
        ]);
        const to = await cloud.seedRoom(cloud.roomName('to'), [{ identity: 'host' }]);
        await call(
          api,
          'moveParticipant',
          { roomName: from, identity: 'alice', destinationRoom: to, mode: 'move' },
          204,
        );
        expect(await cloudStandin.participant(from, 'alice')).toBeUndefined();
        expect(await cloudStandin.participant(to, 'alice')).toBeDefined();
      } finally {
        await api.dispose();
        await cloud.cleanup();
      }
    },
  },
  muteTrack: {
    route: 'PATCH /api/v1/rooms/:roomName/participants/:identity/tracks/:trackSid',
    behaviour: 'mutes the track in LiveKit; remote unmute is 412 (off by default)',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'mute');
      const ref = { roomName: room.name, identity: 'alice', trackSid: room.mic };
      const { body } = await call(request, 'muteTrack', { ...ref, muted: true }, 200);
      expect(body).toMatchObject({ sid: room.mic, muted: true, source: 'MICROPHONE' });
      expect((await standin.track(room.name, 'alice', 'MICROPHONE')).muted).toBe(true);
      await call(request, 'muteTrack', { ...ref, muted: false }, 412);
      expect((await standin.track(room.name, 'alice', 'MICROPHONE')).muted).toBe(true);
    },
  },
  requestUnmute: {
    route: 'POST /api/v1/rooms/:roomName/participants/:identity/tracks/:trackSid/unmute-request',
    behaviour: 'sends the participant the unmute request message',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'ask');
      const ref = { roomName: room.name, identity: 'alice', trackSid: room.mic };
      const { body } = await call(request, 'requestUnmute', ref, 200);
      const [message] = await standin.receivedOf(room.name, 'alice', 'data');
      expect(message).toMatchObject({ topic: 'moderato.unmute-request', kind: 'RELIABLE' });
      expect(JSON.parse(decodePayload(message!))).toMatchObject({
        type: 'unmute_request',
        requestId: (body as { requestId: string }).requestId,
        trackSid: room.mic,
        source: 'MICROPHONE',
      });
      expect(await standin.receivedOf(room.name, 'bob', 'data')).toEqual([]);
    },
  },
  requestCamera: {
    route: 'POST /api/v1/rooms/:roomName/participants/:identity/camera-request',
    behaviour: 'sends the participant the camera request message',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'camera');
      const ref = { roomName: room.name, identity: 'alice' };
      const { body } = await call(request, 'requestCamera', ref, 200);
      const [message] = await standin.receivedOf(room.name, 'alice', 'data');
      expect(message).toMatchObject({ topic: 'moderato.camera-request', kind: 'RELIABLE' });
      expect(JSON.parse(decodePayload(message!))).toMatchObject({
        type: 'camera_request',
        requestId: (body as { requestId: string }).requestId,
      });
      expect(await standin.receivedOf(room.name, 'bob', 'data')).toEqual([]);
    },
  },
  recordConsentAnswer: {
    route: 'POST /api/v1/rooms/:roomName/participants/:identity/consent-answers',
    behaviour: 'records an answer to a request sent; 404 for one never sent, 409 when repeated',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'answer');
      const ref = { roomName: room.name, identity: 'alice' };
      const { body } = await call(request, 'requestCamera', ref, 200);
      const { requestId } = body as { requestId: string };
      const answer = { ...ref, requestId, request: 'camera', accepted: false };
      await call(request, 'recordConsentAnswer', { ...answer, requestId: 'forged' }, 404);
      await call(request, 'recordConsentAnswer', answer, 204);
      await call(request, 'recordConsentAnswer', answer, 409);
    },
  },
  muteTracksInBulk: {
    route: 'POST /api/v1/rooms/:roomName/bulk/mute-tracks',
    behaviour: 'mutes every microphone in the room and answers the per-participant report',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'bulk mute');
      const { body } = await call(
        request,
        'muteTracksInBulk',
        { roomName: room.name, group: 'microphones' },
        200,
      );
      expect(body).toMatchObject({ total: 2, succeeded: 2, failed: [], skipped: [], cancelled: 0 });
      expect((await standin.track(room.name, 'alice', 'MICROPHONE')).muted).toBe(true);
      expect((await standin.track(room.name, 'bob', 'MICROPHONE')).muted).toBe(true);
      expect((await standin.track(room.name, 'alice', 'CAMERA')).muted).toBe(false);
    },
  },
  forceMuteInBulk: {
    route: 'POST /api/v1/rooms/:roomName/bulk/force-mute',
    behaviour: 'force mutes every live microphone in the room, telling each participant',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'bulk force-mute');
      await call(
        request,
        'muteTrack',
        { roomName: room.name, identity: 'bob', trackSid: room.bobMic, muted: true },
        200,
      );
      const { body } = await call(request, 'forceMuteInBulk', { roomName: room.name }, 200);
      expect(body).toMatchObject({
        total: 1,
        succeeded: 1,
        failed: [],
        skipped: [{ identity: 'bob', reason: 'microphone already muted' }],
      });
      expect((await standin.track(room.name, 'alice', 'MICROPHONE')).muted).toBe(true);
      expect((await standin.track(room.name, 'alice', 'CAMERA')).muted).toBe(false);
      const [message] = await standin.receivedOf(room.name, 'alice', 'data');
      expect(message).toMatchObject({ topic: 'moderato.force-muted', kind: 'RELIABLE' });
      expect(await standin.receivedOf(room.name, 'bob', 'data')).toEqual([]);
    },
  },
  removeParticipantsInBulk: {
    route: 'POST /api/v1/rooms/:roomName/bulk/remove-participants',
    behaviour: 'removes the named participants only',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'bulk remove');
      const { body } = await call(
        request,
        'removeParticipantsInBulk',
        { roomName: room.name, identities: ['bob', 'nobody'] },
        200,
      );
      expect(body).toMatchObject({
        total: 1,
        succeeded: 1,
        failed: [{ identity: 'nobody', code: 'not_found' }],
      });
      expect(await standin.participant(room.name, 'bob')).toBeUndefined();
      expect(await standin.participant(room.name, 'alice')).toBeDefined();
    },
  },
  applyPermissionPreset: {
    route: 'POST /api/v1/rooms/:roomName/bulk/apply-preset',
    behaviour: 'gives the named participant the preset’s permission',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'preset');
      await call(
        request,
        'applyPermissionPreset',
        { roomName: room.name, identities: ['alice'], preset: 'silentObserver' },
        200,
      );
      expect((await standin.participant(room.name, 'alice'))?.permission).toMatchObject({
        can_publish: false,
        can_publish_data: false,
        hidden: true,
      });
      expect((await standin.participant(room.name, 'bob'))?.permission?.can_publish).toBe(true);
    },
  },
  listPermissionPresets: {
    route: 'GET /api/v1/permission-presets',
    behaviour: 'lists the built-in presets first',
    async run({ request }) {
      const { body } = await call(request, 'listPermissionPresets', {}, 200);
      const keys = (body as { presets: { key: string }[] }).presets.map((p) => p.key);
      expect(keys.slice(0, 4)).toEqual([
        'speaker',
        'screenPresenter',
        'audience',
        'silentObserver',
      ]);
    },
  },
  createPermissionPreset: {
    route: 'POST /api/v1/permission-presets',
    behaviour:
      'stores an admin’s preset, which then applies like a built-in one; a taken key is 409',
    async run({ request, livekit }) {
      const key = `stage-${crypto.randomUUID().slice(0, 8)}`;
      const preset = {
        key,
        label: 'Stage',
        permission: {
          canSubscribe: true,
          canPublish: true,
          canPublishData: false,
          canPublishSources: ['MICROPHONE'],
          hidden: false,
        },
      };
      const { body } = await call(request, 'createPermissionPreset', preset, 201);
      expect(body).toMatchObject({ ...preset, description: '', builtIn: false, tenant: null });
      await call(request, 'createPermissionPreset', preset, 409);
      const room = await seedRoom(livekit, 'custom-preset');
      const input = { roomName: room.name, identities: ['alice'], preset: key };
      await call(request, 'applyPermissionPreset', input, 200);
      expect((await standin.participant(room.name, 'alice'))?.permission).toMatchObject({
        can_publish: true,
        can_publish_data: false,
        can_publish_sources: ['MICROPHONE'],
      });
      await call(request, 'deletePermissionPreset', { key }, 204);
    },
  },
  deletePermissionPreset: {
    route: 'DELETE /api/v1/permission-presets/:key',
    behaviour: 'deletes an admin’s preset; a built-in one is 409, an unknown one 404',
    async run({ request }) {
      await call(request, 'deletePermissionPreset', { key: 'speaker' }, 409);
      await call(request, 'deletePermissionPreset', { key: 'no-such-preset' }, 404);
    },
  },
  cancelBulkRun: {
    route: 'POST /api/v1/rooms/:roomName/bulk/:runId/cancel',
    behaviour: 'accepts a cancellation (a finished or unknown run is ignored); unknown room is 404',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'cancel');
      const runId = crypto.randomUUID();
      await call(request, 'cancelBulkRun', { roomName: room.name, runId }, 204);
      await call(request, 'cancelBulkRun', { roomName: `${room.name}-none`, runId }, 404);
    },
  },
  forceMute: {
    route: 'POST /api/v1/rooms/:roomName/force-mute',
    behaviour: 'mutes only the microphones and sends each participant force_muted',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'force-mute');
      const { body } = await call(
        request,
        'forceMute',
        { roomName: room.name, participants: ['alice'] },
        200,
      );
      expect(body).toMatchObject({ muted: [{ identity: 'alice', trackSids: [room.mic] }] });
      expect((await standin.track(room.name, 'alice', 'MICROPHONE')).muted).toBe(true);
      expect((await standin.track(room.name, 'alice', 'CAMERA')).muted).toBe(false);
      const [message] = await standin.receivedOf(room.name, 'alice', 'data');
      expect(message).toMatchObject({ topic: 'moderato.force-muted', kind: 'RELIABLE' });
      expect(JSON.parse(decodePayload(message!))).toEqual({
        message: 'force_muted',
        moderator: (body as { moderator: string }).moderator,
      });
    },
  },
  getMicrophoneRestrictions: {
    route: 'GET /api/v1/rooms/:roomName/microphone-restrictions',
    behaviour: 'answers OpenTalk’s microphone_restriction_state',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'mic-state');
      const { body } = await call(
        request,
        'getMicrophoneRestrictions',
        { roomName: room.name },
        200,
      );
      expect(body).toMatchObject({ microphone_restriction_state: { type: 'disabled' } });
    },
  },
  enableMicrophoneRestrictions: {
    route: 'PUT /api/v1/rooms/:roomName/microphone-restrictions',
    behaviour: 'takes MICROPHONE from everyone not on the allow-list',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'mic-on');
      const input = { roomName: room.name, unrestrictedParticipants: ['bob'] };
      const { body } = await call(request, 'enableMicrophoneRestrictions', input, 200);
      expect(body).toMatchObject({
        microphone_restriction_state: { type: 'enabled', unrestricted_participants: ['bob'] },
        restricted: [expect.objectContaining({ identity: 'alice' })],
      });
      const alice = await standin.participant(room.name, 'alice');
      expect(alice?.permission?.can_publish_sources).not.toContain('MICROPHONE');
      expect((await standin.track(room.name, 'bob', 'MICROPHONE')).muted).toBe(false);
    },
  },
  disableMicrophoneRestrictions: {
    route: 'DELETE /api/v1/rooms/:roomName/microphone-restrictions',
    behaviour: 'gives back exactly what the restrictions took',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'mic-off');
      const before = await standin.participant(room.name, 'alice');
      const input = { roomName: room.name, unrestrictedParticipants: [] };
      await call(request, 'enableMicrophoneRestrictions', input, 200);
      const { body } = await call(
        request,
        'disableMicrophoneRestrictions',
        { roomName: room.name },
        200,
      );
      expect(body).toMatchObject({ microphone_restriction_state: { type: 'disabled' } });
      expect((await standin.participant(room.name, 'alice'))?.permission).toEqual(
        before?.permission,
      );
    },
  },
  getRoomLock: {
    route: 'GET /api/v1/rooms/:roomName/lock',
    behaviour: 'answers the room’s lock state',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'lock-state');
      const { body } = await call(request, 'getRoomLock', { roomName: room.name }, 200);
      expect(body).toMatchObject({ roomName: room.name, locked: false, suspended: false });
    },
  },
  listRoomLocks: {
    route: 'GET /api/v1/room-locks',
    behaviour: 'lists a locked room',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'lock-list');
      await call(request, 'lockRoom', { roomName: room.name }, 200);
      const { body } = await call(request, 'listRoomLocks', {}, 200);
      expect((body as { locks: { roomName: string }[] }).locks).toContainEqual(
        expect.objectContaining({ roomName: room.name, locked: true }),
      );
    },
  },
  lockRoom: {
    route: 'PUT /api/v1/rooms/:roomName/lock',
    behaviour: 'locks the room: a joiner is removed, the allow-listed stays',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'lock');
      const input = { roomName: room.name, allowList: ['vip'] };
      const { body } = await call(request, 'lockRoom', input, 200);
      expect(body).toMatchObject({ locked: true, allowList: ['vip'] });
      await livekit.addParticipant(room.name, { identity: 'vip' });
      await livekit.addParticipant(room.name, { identity: 'eve' });
      await expect
        .poll(async () =>
          (await standin.room(room.name))?.participants.map((p) => p.identity).sort(),
        )
        .toEqual(['alice', 'bob', 'vip']);
    },
  },
  unlockRoom: {
    route: 'DELETE /api/v1/rooms/:roomName/lock',
    behaviour: 'unlocks the room',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'unlock');
      await call(request, 'lockRoom', { roomName: room.name }, 200);
      const { body } = await call(request, 'unlockRoom', { roomName: room.name }, 200);
      expect(body).toMatchObject({ locked: false });
    },
  },
  suspendActivity: {
    route: 'POST /api/v1/rooms/:roomName/suspend',
    behaviour: 'locks the room and takes everyone’s publish rights',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'suspend');
      const { body } = await call(request, 'suspendActivity', { roomName: room.name }, 200);
      expect(body).toMatchObject({
        lock: { locked: true, suspended: true },
        report: { total: 2, succeeded: 2, failed: [] },
      });
      const alice = await standin.participant(room.name, 'alice');
      expect(alice?.permission).toMatchObject({ can_publish: false, can_publish_data: false });
    },
  },
  resumeActivity: {
    route: 'POST /api/v1/rooms/:roomName/resume',
    behaviour: 'gives back exactly what the suspension took and unlocks',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'resume');
      const before = await standin.participant(room.name, 'alice');
      await call(request, 'suspendActivity', { roomName: room.name }, 200);
      const { body } = await call(request, 'resumeActivity', { roomName: room.name }, 200);
      expect(body).toMatchObject({
        lock: { locked: false, suspended: false },
        report: { total: 2, succeeded: 2 },
      });
      expect((await standin.participant(room.name, 'alice'))?.permission).toEqual(
        before?.permission,
      );
    },
  },
  grantScreenSharePermission: {
    route: 'POST /api/v1/rooms/:roomName/screen-share-permission/grant',
    behaviour: 'adds SCREEN_SHARE and SCREEN_SHARE_AUDIO back',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'share-grant');
      const input = { roomName: room.name, participants: ['alice'] };
      await call(request, 'revokeScreenSharePermission', input, 200);
      const { body } = await call(request, 'grantScreenSharePermission', input, 200);
      expect(body).toEqual({ grant: true, participants: ['alice'], missing: [] });
      expect(
        (await standin.participant(room.name, 'alice'))?.permission?.can_publish_sources,
      ).toEqual([]);
    },
  },
  revokeScreenSharePermission: {
    route: 'POST /api/v1/rooms/:roomName/screen-share-permission/revoke',
    behaviour: 'removes the screen share sources, keeps everyone connected',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'share-revoke');
      const input = { roomName: room.name, participants: ['alice', 'nobody'] };
      const { body } = await call(request, 'revokeScreenSharePermission', input, 200);
      expect(body).toEqual({ grant: false, participants: ['alice'], missing: ['nobody'] });
      const alice = await standin.participant(room.name, 'alice');
      expect(alice?.permission?.can_publish_sources).toEqual(['CAMERA', 'MICROPHONE']);
      expect(alice?.state).toBe('ACTIVE');
    },
  },
  createAccessToken: {
    route: 'POST /api/v1/rooms/:roomName/join-token',
    behaviour: 'answers OpenTalk credentials for the caller’s own identity',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'join-token');
      const { body } = await call(request, 'createAccessToken', { roomName: room.name }, 200);
      expect(body).toMatchObject({
        identity: expect.stringMatching(/^moderato:/),
        credentials: { room: room.name, token: expect.any(String), public_url: expect.any(String) },
      });
    },
  },
  requestPopoutToken: {
    route: 'POST /api/v1/rooms/:roomName/popout-token',
    behaviour: 'answers a hidden, subscribe-only token bound to the caller',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'popout');
      const { body } = await call(request, 'requestPopoutToken', { roomName: room.name }, 200);
      expect(body).toMatchObject({ identity: expect.stringMatching(/#popout$/) });
    },
  },
  generateToken: {
    route: 'POST /api/v1/livekit/tokens',
    behaviour: 'answers a token signed with the API secret, its decoded claims and the join link',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'token');
      const input = {
        identity: 'guest-1',
        name: 'Guest',
        attributes: { seat: '7' },
        ttlSeconds: 900,
        video: { roomJoin: true, room: room.name, canPublish: false, hidden: true },
        roomConfig: { maxParticipants: 10, agents: [{ agentName: 'scribe' }] },
      };
      const { body } = await call(request, 'generateToken', input, 200);
      const answer = body as { token: string; claims: object; joinLink: string };
      const claims = await new TokenVerifier('devkey', 'secret').verify(answer.token);
      expect(answer.claims).toEqual(claims);
      expect(claims).toMatchObject({
        sub: 'guest-1',
        name: 'Guest',
        attributes: { seat: '7' },
        video: { roomJoin: true, room: room.name, canPublish: false, hidden: true },
        roomConfig: {
          maxParticipants: 10,
          agents: [expect.objectContaining({ agentName: 'scribe' })],
        },
      });
      expect(claims.exp! - claims.nbf!).toBe(900);
      expect(answer.joinLink).toContain(`token=${answer.token}`);
    },
  },
  getJoinLinkTemplate: {
    route: 'GET /api/v1/livekit/tokens/join-link',
    behaviour: 'answers the template join links are built from',
    async run({ request }) {
      const { body } = await call(request, 'getJoinLinkTemplate', {}, 200);
      expect((body as { template: string }).template).toContain('{token}');
    },
  },
  setJoinLinkTemplate: {
    route: 'PUT /api/v1/livekit/tokens/join-link',
    behaviour: 'stores the template (here the current one again, not to disturb the UI spec)',
    async run({ request }) {
      const { body } = await call(request, 'getJoinLinkTemplate', {}, 200);
      const before = body as { template: string; source: string };
      const saved = await call(request, 'setJoinLinkTemplate', { template: before.template }, 200);
      expect(saved.body).toMatchObject({ template: before.template, source: 'global' });
      if (before.source === 'default') {
        const reset = await call(request, 'setJoinLinkTemplate', { template: '' }, 200);
        expect(reset.body).toMatchObject({ template: before.template, source: 'default' });
      }
      await call(request, 'setJoinLinkTemplate', { template: 'ftp://x.example/{token}' }, 400);
    },
  },
  listUsers: {
    route: 'GET /api/v1/users',
    behaviour: 'finds a user by search',
    async run({ request }) {
      const user = await newUser(request);
      const { body } = await call(request, 'listUsers', { search: user.username }, 200);
      expect(body).toEqual({ users: [expect.objectContaining({ id: user.id, role: 'viewer' })] });
    },
  },
  createUser: {
    route: 'POST /api/v1/users',
    behaviour: 'creates a user with a generated password shown once; the same name again is 409',
    async run({ request, baseURL }) {
      const username = `op-${uniqueSuffix()}`;
      const input = { username, name: 'Op User', role: 'moderator' };
      const { body } = await call(request, 'createUser', input, 201);
      const { user, password } = body as { user: object; password: string };
      expect(user).toMatchObject({ username, name: 'Op User', role: 'moderator', tenant: null });
      expect((await signIn(baseURL, username, password)).ok).toBe(true);
      await call(request, 'createUser', input, 409);
    },
  },
  updateUser: {
    route: 'PATCH /api/v1/users/:userId',
    behaviour: 'changes name, role and tenant in the store',
    async run({ request }) {
      const user = await newUser(request);
      const input = { userId: user.id, name: 'Renamed', role: 'moderator', tenant: 'acme' };
      const { body } = await call(request, 'updateUser', input, 200);
      expect(body).toMatchObject({ name: 'Renamed', role: 'moderator', tenant: 'acme' });
      const { body: list } = await call(request, 'listUsers', { search: user.username }, 200);
      expect(list).toEqual({
        users: [expect.objectContaining({ name: 'Renamed', tenant: 'acme' })],
      });
      await call(request, 'updateUser', { userId: 'no-such-user', name: 'X' }, 404);
    },
  },
  setUserDisabled: {
    route: 'PUT /api/v1/users/:userId/disabled',
    behaviour: 'disables the user, whose sign-in is then refused',
    async run({ request, baseURL }) {
      const username = `op-${uniqueSuffix()}`;
      const password = `pw-${username}-1`;
      const created = await call(
        request,
        'createUser',
        { username, role: 'viewer', password },
        201,
      );
      const { id } = (created.body as { user: { id: string } }).user;
      const { body } = await call(request, 'setUserDisabled', { userId: id, disabled: true }, 200);
      expect(body).toMatchObject({ id, disabled: true });
      expect((await signIn(baseURL, username, password)).ok).toBe(false);
    },
  },
  resetPassword: {
    route: 'POST /api/v1/users/:userId/password',
    behaviour: 'sets a generated or chosen password that signs in',
    async run({ request, baseURL }) {
      const user = await newUser(request);
      const generated = await call(request, 'resetPassword', { userId: user.id }, 200);
      const { password } = generated.body as { password: string };
      expect(password).toEqual(expect.any(String));
      expect((await signIn(baseURL, user.username, password)).ok).toBe(true);
      const chosen = 'chosen-password-42';
      const { body } = await call(
        request,
        'resetPassword',
        { userId: user.id, password: chosen },
        200,
      );
      expect(body).toMatchObject({ password: null });
      expect((await signIn(baseURL, user.username, chosen)).ok).toBe(true);
    },
  },
  listUserSessions: {
    route: 'GET /api/v1/users/:userId/sessions',
    behaviour: 'lists the browsers the user is signed in with; an unknown user is 404',
    async run({ request, baseURL }) {
      const { id, username, password } = await newUserWithPassword(request);
      for (let i = 0; i < 2; i++) expect((await signIn(baseURL, username, password)).ok).toBe(true);
      const { body } = await call(request, 'listUserSessions', { userId: id }, 200);
      const { sessions } = body as { sessions: { userAgent: string | null; ip: string | null }[] };
      expect(sessions).toHaveLength(2);
      expect(sessions[0]).toMatchObject({ ip: '127.0.0.1', userAgent: expect.any(String) });
      await call(request, 'listUserSessions', { userId: 'no-such-user' }, 404);
    },
  },
  revokeUserSessions: {
    route: 'DELETE /api/v1/users/:userId/sessions',
    behaviour: 'signs the user out everywhere: their cookie is refused from the next request on',
    async run({ request, baseURL }) {
      const { id, username, password } = await newUserWithPassword(request);
      const { state } = await signIn(baseURL, username, password);
      const theirs = await playwrightRequest.newContext({ baseURL, storageState: state });
      try {
        expect((await theirs.get('/api/v1/rooms')).status()).toBe(200);
        const { body } = await call(request, 'revokeUserSessions', { userId: id }, 200);
        expect(body).toEqual({ revoked: 1 });
        expect((await theirs.get('/api/v1/rooms')).status()).toBe(401);
        const { body: list } = await call(request, 'listUserSessions', { userId: id }, 200);
        expect(list).toEqual({ sessions: [] });
      } finally {
        await theirs.dispose();
      }
    },
  },
  listApiKeys: {
    route: 'GET /api/v1/api-keys',
    behaviour: 'lists the created key with its scope, never the key itself',
    async run({ request }) {
      const name = `op-${uniqueSuffix()}`;
      const created = await call(
        request,
        'createApiKey',
        { name, role: 'viewer', tenant: 'acme', rooms: ['lobby'] },
        201,
      );
      const { key } = created.body as { key: string };
      const { body, text } = await call(request, 'listApiKeys', {}, 200);
      expect((body as { apiKeys: unknown[] }).apiKeys).toContainEqual(
        expect.objectContaining({ name, role: 'viewer', tenant: 'acme', rooms: ['lobby'] }),
      );
      expect(text).not.toContain(key);
    },
  },
  createApiKey: {
    route: 'POST /api/v1/api-keys',
    behaviour: 'answers a key, once, that then authenticates; the same name again is 409',
    async run({ request, baseURL }) {
      const name = `op-${uniqueSuffix()}`;
      const { body } = await call(request, 'createApiKey', { name, role: 'viewer' }, 201);
      const { key, apiKey } = body as { key: string; apiKey: { createdBy: string } };
      expect(key).toMatch(/^mdk_/);
      expect(apiKey).toMatchObject({ createdBy: 'admin', tenant: null, rooms: null });
      const keyed = await playwrightRequest.newContext({
        baseURL,
        storageState: { cookies: [], origins: [] },
        extraHTTPHeaders: { authorization: `Bearer ${key}` },
      });
      try {
        expect((await keyed.get('/api/v1/rooms')).status()).toBe(200);
      } finally {
        await keyed.dispose();
      }
      await call(request, 'createApiKey', { name, role: 'viewer' }, 409);
    },
  },
  revokeApiKey: {
    route: 'DELETE /api/v1/api-keys/:keyId',
    behaviour: 'revokes the key: it is refused from the next request on; again is 409',
    async run({ request, baseURL }) {
      const name = `op-${uniqueSuffix()}`;
      const created = await call(request, 'createApiKey', { name, role: 'viewer' }, 201);
      const { key, apiKey } = created.body as { key: string; apiKey: { id: string } };
      const keyed = await playwrightRequest.newContext({
        baseURL,
        storageState: { cookies: [], origins: [] },
        extraHTTPHeaders: { authorization: `Bearer ${key}` },
      });
      try {
        expect((await keyed.get('/api/v1/rooms')).status()).toBe(200);
        const { body } = await call(request, 'revokeApiKey', { keyId: apiKey.id }, 200);
        expect(body).toMatchObject({ id: apiKey.id, revokedAtMs: expect.any(Number) });
        expect((await keyed.get('/api/v1/rooms')).status()).toBe(401);
      } finally {
        await keyed.dispose();
      }
      await call(request, 'revokeApiKey', { keyId: apiKey.id }, 409);
      await call(request, 'revokeApiKey', { keyId: 'no-such-key' }, 404);
    },
  },
  listEmbedPortals: {
    route: 'GET /api/v1/embed-portals',
    behaviour: 'lists the created portal with its origins and scope, never its secret',
    async run({ request }) {
      const name = `op-${uniqueSuffix()}`;
      const created = await call(
        request,
        'createEmbedPortal',
        { name, allowedOrigins: ['https://portal.example.com'], tenant: 'acme', maxRole: 'viewer' },
        201,
      );
      const { secret } = created.body as { secret: string };
      const { body, text } = await call(request, 'listEmbedPortals', {}, 200);
      expect((body as { portals: unknown[] }).portals).toContainEqual(
        expect.objectContaining({
          name,
          allowedOrigins: ['https://portal.example.com'],
          tenant: 'acme',
          maxRole: 'viewer',
        }),
      );
      expect(text).not.toContain(secret);
    },
  },
  createEmbedPortal: {
    route: 'POST /api/v1/embed-portals',
    behaviour:
      'answers the portal and its secret, once; the same name again is 409, an origin with a path 400',
    async run({ request }) {
      const name = `op-${uniqueSuffix()}`;
      const input = {
        name,
        allowedOrigins: ['https://portal.example.com', 'http://localhost:3000'],
      };
      const { body } = await call(request, 'createEmbedPortal', input, 201);
      const { portal, secret } = body as { portal: { id: string }; secret: string };
      expect(secret).toMatch(/^mdp_[A-Za-z0-9_-]{43}$/);
      expect(portal).toMatchObject({
        name,
        allowedOrigins: input.allowedOrigins,
        tenant: null,
        maxRole: 'moderator',
        createdBy: 'admin',
        lastUsedAtMs: null,
        revokedAtMs: null,
      });
      await call(request, 'createEmbedPortal', input, 409);
      const bad = await call(
        request,
        'createEmbedPortal',
        { name: `${name}-bad`, allowedOrigins: ['https://portal.example.com/embed'] },
        400,
      );
      expect(bad.body).toMatchObject({
        error: { code: 'invalid_input', fieldErrors: { 'allowedOrigins.0': [expect.any(String)] } },
      });
    },
  },
  revokeEmbedPortal: {
    route: 'DELETE /api/v1/embed-portals/:portalId',
    behaviour: 'revokes the portal, listed as revoked; again is 409, an unknown id 404',
    async run({ request }) {
      const name = `op-${uniqueSuffix()}`;
      const created = await call(
        request,
        'createEmbedPortal',
        { name, allowedOrigins: ['https://portal.example.com'] },
        201,
      );
      const { id } = (created.body as { portal: { id: string } }).portal;
      const { body } = await call(request, 'revokeEmbedPortal', { portalId: id }, 200);
      expect(body).toMatchObject({ id, name, revokedAtMs: expect.any(Number) });
      const { body: list } = await call(request, 'listEmbedPortals', {}, 200);
      expect((list as { portals: unknown[] }).portals).toContainEqual(
        expect.objectContaining({ id, revokedAtMs: expect.any(Number) }),
      );
      await call(request, 'revokeEmbedPortal', { portalId: id }, 409);
      await call(request, 'revokeEmbedPortal', { portalId: 'no-such-portal' }, 404);
    },
  },
  listAuditEvents: {
    route: 'GET /api/v1/audit',
    behaviour: 'pages the audit log with filters',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'audited');
      const ref = { roomName: room.name, identity: 'alice', trackSid: room.mic };
      await call(request, 'muteTrack', { ...ref, muted: true }, 200);
      const { body } = await call(
        request,
        'listAuditEvents',
        { roomName: room.name, limit: 10 },
        200,
      );
      expect(body).toEqual({
        events: [
          expect.objectContaining({
            action: 'track.muted',
            outcome: 'success',
            source: 'api',
            actorName: 'admin',
            identity: 'alice',
            trackSid: room.mic,
          }),
        ],
        nextCursor: null,
      });
    },
  },
  exportAuditEvents: {
    route: 'GET /api/v1/audit/export',
    behaviour: 'downloads the filtered log as JSON or CSV',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'exported');
      const ref = { roomName: room.name, identity: 'alice', trackSid: room.mic };
      await call(request, 'muteTrack', { ...ref, muted: true }, 200);
      const json = await callOperation(request, 'exportAuditEvents', {
        roomName: room.name,
        format: 'json',
      });
      expect(json.status).toBe(200);
      expect(json.headers['content-disposition']).toMatch(/^attachment; filename=".+\.json"$/);
      await expectResponseMatches('exportAuditEvents', 200, json.body);
      expect(json.body).toEqual([expect.objectContaining({ action: 'track.muted' })]);

      const csv = await callOperation(request, 'exportAuditEvents', {
        roomName: room.name,
        format: 'csv',
      });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
      await expectResponseMatches('exportAuditEvents', 200, csv.text, 'text/csv');
      const lines = csv.text.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('track.muted');
    },
  },
  listRoomSessions: {
    route: 'GET /api/v1/history/rooms',
    behaviour: 'lists the seeded room’s live session with its participants counted',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'history list', '{"auth_id":"acme"}');
      await expect
        .poll(async () => {
          const { body } = await call(request, 'listRoomSessions', { q: room.name }, 200);
          return (body as { sessions: unknown[] }).sessions;
        })
        .toEqual([
          expect.objectContaining({
            roomName: room.name,
            tenant: 'acme',
            live: true,
            endedAtMs: null,
            totalParticipants: 2,
          }),
        ]);
    },
  },
  getRoomSession: {
    route: 'GET /api/v1/history/rooms/:roomSid',
    behaviour: 'returns a session with its participant sessions',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'history get');
      const sid = (await standin.room(room.name))!.room.sid;
      await expect
        .poll(async () => {
          const answer = await callOperation(request, 'getRoomSession', { roomSid: sid });
          if (answer.status !== 200) return answer.status;
          const { participants } = answer.body as { participants: { identity: string }[] };
          return participants.map((p) => p.identity).sort();
        })
        .toEqual(['alice', 'bob']);
      const { body } = await call(request, 'getRoomSession', { roomSid: sid }, 200);
      expect(body).toMatchObject({ session: { roomSid: sid, roomName: room.name, live: true } });
      await call(request, 'getRoomSession', { roomSid: 'RM_noSuchSession' }, 404);
    },
  },
  exportRoomSessions: {
    route: 'GET /api/v1/history/export',
    behaviour: 'downloads the filtered sessions as JSON or CSV',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'history export');
      await expect
        .poll(async () => {
          const json = await callOperation(request, 'exportRoomSessions', {
            q: room.name,
            format: 'json',
          });
          return json.body;
        })
        .toEqual([expect.objectContaining({ roomName: room.name, totalParticipants: 2 })]);
      const json = await callOperation(request, 'exportRoomSessions', {
        q: room.name,
        format: 'json',
      });
      expect(json.headers['content-disposition']).toMatch(/^attachment; filename=".+\.json"$/);
      await expectResponseMatches('exportRoomSessions', 200, json.body);
      const csv = await callOperation(request, 'exportRoomSessions', { q: room.name });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      await expectResponseMatches('exportRoomSessions', 200, csv.text, 'text/csv');
      const lines = csv.text.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(room.name);
    },
  },
  listRoomEvents: {
    route: 'GET /api/v1/rooms/:roomName/events',
    behaviour: 'returns the room’s timeline, newest first, filtered by type',
    async run({ request, livekit }) {
      const room = await seedRoom(livekit, 'timeline');
      await expect
        .poll(async () => {
          const { body } = await call(
            request,
            'listRoomEvents',
            { roomName: room.name, type: 'participant.joined' },
            200,
          );
          const { events } = body as { events: { identity: string; type: string }[] };
          return events.map((e) => `${e.type} ${e.identity}`).sort();
        })
        .toEqual(['participant.joined alice', 'participant.joined bob']);
      await call(request, 'listRoomEvents', { roomName: `${room.name}-none` }, 404);
    },
  },
  getLiveKitStatus: {
    route: 'GET /api/v1/livekit/status',
    behaviour: 'reports the LiveKit connection as ok',
    async run({ request }) {
      const { body } = await call(request, 'getLiveKitStatus', {}, 200);
      expect(body).toMatchObject({ state: 'ok', host: `127.0.0.1:${E2E.livekitPort}` });
    },
  },
  getWebhookHealth: {
    route: 'GET /api/v1/livekit/webhooks',
    behaviour: 'lists the webhook the stand-in delivered for a new room',
    async run({ request, livekit }) {
      const name = await livekit.seedRoom(livekit.roomName('webhook health'));
      await expect
        .poll(async () => {
          const { body } = await call(request, 'getWebhookHealth', {}, 200);
          const { deliveries } = body as { deliveries: { roomName: string; outcome: string }[] };
          return deliveries.find((d) => d.roomName === name)?.outcome;
        })
        .toBe('accepted');
    },
  },
};

test('every operation of the OpenAPI document has a happy path here', async () => {
  const operations = await apiOperations();
  expect(Object.keys(HAPPY_PATHS).sort()).toEqual(operations.map((o) => o.operationId).sort());
});

for (const [operationId, happy] of Object.entries(HAPPY_PATHS)) {
  test(`${happy.route} – ${happy.behaviour}`, async ({ request, livekit, baseURL }) => {
    const operation = await apiOperation(operationId);
    expect(`${operation.method} ${operation.route}`).toBe(happy.route);
    await happy.run({ request, livekit, baseURL: baseURL! });
  });
}
