import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';

import { ERROR_CODES } from '@/lib/contracts/errors';
import { ROLE_PERMISSIONS, type Role } from '@/lib/contracts/permissions';

import { expect, signIn, test, uniqueSuffix, type LiveKitSeeder } from '../fixtures';
import { RoomPage } from '../pages/room-page';
import {
  apiOperations,
  callOperation,
  expectErrorShape,
  expectResponseMatches,
  sampleFor,
  sampleInputs,
  type ApiOperation,
  type SampleTarget,
} from '../support/openapi';
import { E2E } from '../support/ports';

import {
  actionIds,
  actionResult,
  auditEvents,
  chooseAction,
  operationActionBody,
  postAction,
  Standin,
} from './support';

/**
 * The authorization matrix, generated: the operations (method, path, permission) come from the
 * published OpenAPI document, what each role may do from ROLE_PERMISSIONS, and every attempt a role
 * may not make is made through both doors — REST and the server action replayed by hand.
 */

const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);
const GLOBEX = '{"auth_id":"globex"}';
const ACME = '{"auth_id":"acme"}';

/** What a stand-in room looks like to these specs; compared before and after the attempts. */
async function snapshot(room: string) {
  const state = await standin.room(room);
  const participants = await Promise.all(
    (state?.participants ?? []).map(async (p) => ({
      identity: p.identity,
      name: p.name,
      metadata: p.metadata,
      attributes: p.attributes,
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

type StorageState = NonNullable<Parameters<typeof playwrightRequest.newContext>[0]>['storageState'];

/** A REST client with the caller's session cookie and our own `Origin` (a same-origin write). */
function apiContext(baseURL: string, storageState: StorageState): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL,
    storageState,
    extraHTTPHeaders: { origin: baseURL },
  });
}

/** The callers of the matrix. acme is a moderator bound to tenant acme, aiming at globex's room. */
const CALLERS = {
  viewer: { role: 'viewer', tenant: null },
  moderator: { role: 'moderator', tenant: null },
  acme: { role: 'moderator', tenant: 'acme' },
} as const satisfies Record<string, { role: Role; tenant: string | null }>;
type CallerName = keyof typeof CALLERS;

interface Refusal {
  code: 'forbidden' | 'not_found';
  /** The audit row each door leaves; null for a masked read (reads are audited only if denied). */
  audit: { outcome: 'denied' | 'error'; errorCode: string } | null;
}

/** Whether (and how) the caller is refused the operation on the target room; null = allowed. */
function refusalOf(operation: ApiOperation, caller: (typeof CALLERS)[CallerName]): Refusal | null {
  if (!ROLE_PERMISSIONS[caller.role].has(operation.permission)) {
    return { code: 'forbidden', audit: { outcome: 'denied', errorCode: 'forbidden' } };
  }
  // The target room belongs to globex: a tenant-bound caller finds no such room.
  if (caller.tenant && operation.pathParams.includes('roomName')) {
    const audit =
      operation.method === 'GET' ? null : { outcome: 'error' as const, errorCode: 'not_found' };
    return { code: 'not_found', audit };
  }
  return null;
}

const DUMMY_TARGET: SampleTarget = {
  roomName: 'r',
  mic: 'TR_a',
  bobMic: 'TR_b',
  destinationRoom: 'd',
  newRoomName: 'n',
  userId: 'u',
  newUsername: 'nu',
};

test('the matrix covers every operation of the OpenAPI document, and finds nothing to refuse the admin role', async () => {
  const operations = await apiOperations();
  expect(operations.length).toBeGreaterThan(0);
  expect(Object.keys(sampleInputs(DUMMY_TARGET)).sort()).toEqual(
    operations.map((o) => o.operationId).sort(),
  );
  // Admin holds every permission: there is nothing in the matrix to refuse it.
  const refusedToAdmin = operations.filter((o) => !ROLE_PERMISSIONS.admin.has(o.permission));
  expect(refusedToAdmin.map((o) => `${o.method} ${o.route}`)).toEqual([]);
});

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
    // One action for every operation: the operation's name and its input are the arguments.
    expect(JSON.parse(request.postData() ?? 'null')).toEqual([
      'muteTrack',
      expect.objectContaining({
        roomName: target.name,
        identity: 'alice',
        trackSid: target.mic,
        muted: true,
      }),
    ]);
    expect(request.headers()['next-action']).toBe(actionIds().runOperationAction);

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
    expect(actionResult(replay.text)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
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
});

for (const callerName of Object.keys(CALLERS) as CallerName[]) {
  const caller = CALLERS[callerName];
  const title =
    callerName === 'acme'
      ? 'another tenant’s room is not found (404) and a missing permission forbidden (403) for a tenant-bound moderator, by REST and by the server action; nothing changes; writes are audited'
      : `every operation outside the ${caller.role} role’s permissions is forbidden (403) by REST and by the server action; nothing changes; each door’s attempt is audited as denied`;

  test(title, async ({ livekit, loginAs, baseURL }) => {
    const hex = uniqueSuffix();
    const admin = await apiContext(baseURL!, await loginAs('admin'));
    const actor = `az-${callerName}-${hex}`;
    const password = `pw-${hex}-matrix-1`;
    let api: APIRequestContext | undefined;
    try {
      // Rooms: the target belongs to globex; the move destination to acme (in acme's scope).
      const room = await seedTarget(livekit, `${callerName}-target`, GLOBEX);
      const destinationRoom = await livekit.seedRoom(livekit.roomName(`${callerName}-dest`), [], {
        metadata: ACME,
      });
      const targetUser = await callOperation(admin, 'createUser', {
        username: `tg-${hex}`,
        role: 'viewer',
        password,
      });
      expect(targetUser.status, targetUser.text).toBe(201);
      const created = await callOperation(admin, 'createUser', {
        username: actor,
        role: caller.role,
        tenant: caller.tenant,
        password,
      });
      expect(created.status, created.text).toBe(201);
      const session = await signIn(baseURL!, actor, password);
      expect(session.ok).toBe(true);
      api = await apiContext(baseURL!, session.state);

      const target: SampleTarget = {
        roomName: room.name,
        mic: room.mic,
        bobMic: room.bobMic,
        destinationRoom,
        newRoomName: `${room.name}-new`,
        userId: (targetUser.body as { user: { id: string } }).user.id,
        newUsername: `nu-${hex}`,
      };
      const samples = sampleInputs(target);
      const attempts = (await apiOperations()).flatMap((operation) => {
        const refusal = refusalOf(operation, caller);
        return refusal ? [{ operation, sample: sampleFor(samples, operation), refusal }] : [];
      });
      if (callerName === 'acme') {
        // Nor may acme pull a participant of its own room into the other tenant's room.
        await livekit.addParticipant(destinationRoom, { identity: 'dave' });
        const move = attempts.find((a) => a.operation.operationId === 'moveParticipant')!;
        attempts.push({
          ...move,
          sample: {
            input: {
              roomName: destinationRoom,
              identity: 'dave',
              destinationRoom: room.name,
              mode: 'forward',
            },
            auditAction: 'participant.forwarded',
          },
        });
      }
      expect(attempts.length).toBeGreaterThan(0);

      const users = async () =>
        (await callOperation(admin, 'listUsers', { search: hex })).body as unknown;
      const state = async () => ({
        target: await snapshot(room.name),
        destination: await snapshot(destinationRoom),
        newRoom: await standin.room(target.newRoomName),
        users: await users(),
      });
      const before = await state();
      expect(before.newRoom).toBeUndefined();

      const actionId = actionIds().runOperationAction;
      for (const { operation, sample, refusal } of attempts) {
        const label = `${operation.method} ${operation.route} (${operation.operationId}) ${JSON.stringify(sample.input)}`;
        const rest = await callOperation(api, operation.operationId, sample.input);
        const status = ERROR_CODES[refusal.code].status;
        expect.soft(rest.status, `REST ${label}: ${rest.text}`).toBe(status);
        if (rest.status === status) {
          expectErrorShape(rest, refusal.code, `REST ${label}`);
          await expectResponseMatches(operation.operationId, rest.status, rest.body);
        }

        const action = await postAction({
          baseURL: baseURL!,
          request: api,
          actionId,
          pagePath: '/rooms',
          body: operationActionBody(operation.operationId, sample.input),
        });
        expect
          .soft(actionResult(action.text), `action ${label}`)
          .toMatchObject({ ok: false, error: { code: refusal.code } });
      }

      const after = await state();
      expect(after).toEqual(before);

      // One row per door for every audited refusal, and nothing else (no success, no masked read).
      const expected = attempts
        .filter((a) => a.refusal.audit)
        .flatMap(({ operation, sample, refusal }) => {
          const action = operation.auditAction ?? sample.auditAction;
          if (!action) throw new Error(`${operation.operationId}: no audit action to expect`);
          const roomName = typeof sample.input.roomName === 'string' ? sample.input.roomName : null;
          return ['api', 'ui'].map((source) =>
            [source, action, refusal.audit!.outcome, refusal.audit!.errorCode, roomName].join(' '),
          );
        })
        .sort();
      const audit = await callOperation(admin, 'listAuditEvents', { actor, limit: 500 });
      expect(audit.status).toBe(200);
      const rows = (audit.body as { events: AuditRow[] }).events
        .filter((e) => e.actorName === actor && !e.action.startsWith('auth.'))
        .map((e) => [e.source, e.action, e.outcome, e.errorCode, e.roomName].join(' '))
        .sort();
      expect(rows).toEqual(expected);
      for (const event of (audit.body as { events: AuditRow[] }).events) {
        if (event.actorName !== actor) continue;
        expect(event.role).toBe(caller.role);
        expect(event.tenant).toBe(caller.tenant);
      }
    } finally {
      await api?.dispose();
      await admin.dispose();
    }
  });
}

interface AuditRow {
  actorName: string;
  role: string | null;
  tenant: string | null;
  action: string;
  outcome: string;
  errorCode: string | null;
  roomName: string | null;
  source: string;
}
