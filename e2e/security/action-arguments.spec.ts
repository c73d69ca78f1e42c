import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';

import { expect, signIn, test, uniqueSuffix, type LiveKitSeeder } from '../fixtures';
import { actionIds, actionResult, postAction, Standin } from '../moderation/support';
import {
  apiOperations,
  callOperation,
  sampleFor,
  sampleInputs,
  type ApiOperation,
  type SampleTarget,
} from '../support/openapi';
import { E2E } from '../support/ports';

import { expectNoStackTrace, logOffset } from './server-log';

/**
 * React's serialization markers as server-action arguments (`$T` temporary references, `$@0`
 * promises, `$K1` FormData, `$Q` maps, `$n` BigInts…), arguments nested past any sane depth and a
 * 5 MB string, sent to `runOperationAction` for every operation — in the name, as the whole input,
 * and in every required field of an otherwise valid input. Each is refused (4xx, or an
 * `invalid_input` result), nothing changes, and the server logs no stack trace.
 */

const BASE_URL = `http://127.0.0.1:${E2E.dashboardPort}`;
const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);

test.use({ extraHTTPHeaders: { origin: BASE_URL } });

const MARKERS = [
  '$T',
  '$undefined',
  '$@0',
  '$K1',
  '$Q0',
  '$W0',
  '$1',
  '$h0',
  '$F0',
  '$n-not-a-number',
  '$D-not-a-date',
  '$Infinity',
  '$',
];

/** `[[[…]]]`, `depth` levels deep, as JSON text. */
function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** Seeds the rooms and the user the sample inputs name (as the other generated specs do). */
async function prepare(
  livekit: LiveKitSeeder,
  admin: APIRequestContext,
  hex: string,
): Promise<SampleTarget> {
  const roomName = await livekit.seedRoom(livekit.roomName('target'), [
    {
      identity: 'alice',
      tracks: [
        { type: 'AUDIO', source: 'MICROPHONE' },
        { type: 'VIDEO', source: 'CAMERA' },
      ],
    },
    { identity: 'bob', tracks: [{ type: 'AUDIO', source: 'MICROPHONE' }] },
  ]);
  const destinationRoom = await livekit.seedRoom(livekit.roomName('dest'), [{ identity: 'carol' }]);
  const user = await callOperation(admin, 'createUser', {
    username: `tu-${hex}`,
    role: 'viewer',
    password: `pw-${hex}-arguments`,
  });
  expect(user.status, user.text).toBe(201);
  return {
    roomName,
    mic: (await standin.track(roomName, 'alice', 'MICROPHONE')).sid,
    bobMic: (await standin.track(roomName, 'bob', 'MICROPHONE')).sid,
    destinationRoom,
    newRoomName: `${roomName}-new`,
    userId: (user.body as { user: { id: string } }).user.id,
    newUsername: `nu-${hex}`,
  };
}

/** The fields an operation cannot do without: path parameters and required body fields. */
function requiredFields(operation: ApiOperation): string[] {
  const required = (operation.bodySchema?.required ?? []) as string[];
  return [...new Set([...operation.pathParams, ...required])];
}

test('serialization markers, deep nesting and 5 MB arguments are refused by every operation and change nothing', async ({
  livekit,
  request,
}) => {
  test.setTimeout(180_000);
  // A fresh admin of our own: every audit row it leaves is one of these attempts.
  const own = uniqueSuffix();
  const attacker = { username: `marker-${own}`, password: `pw-${own}-marker-admin` };
  const created = await callOperation(request, 'createUser', { ...attacker, role: 'admin' });
  expect(created.status, created.text).toBe(201);
  const { ok, state } = await signIn(BASE_URL, attacker.username, attacker.password);
  expect(ok).toBe(true);
  const session = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: state });

  try {
    const hex = uniqueSuffix();
    const target = await prepare(livekit, request, hex);
    const samples = sampleInputs(target);
    const snapshot = async () => ({
      rooms: await Promise.all(
        [target.roomName, target.destinationRoom, target.newRoomName].map(async (name) => {
          const room = await standin.room(name);
          if (!room) return null;
          const received = await Promise.all(
            room.participants.map((p) => standin.received(name, p.identity)),
          );
          return { room, received };
        }),
      ),
      // The seeded user, and the one createUser's sample would make.
      users: (await callOperation(request, 'listUsers', { search: `u-${hex}` })).body,
    });
    const before = await snapshot();
    const offset = await logOffset();
    const actionId = actionIds().runOperationAction;

    const send = async (label: string, body: string, mayAccept: boolean) => {
      const answer = await postAction({
        baseURL: BASE_URL,
        request: session,
        actionId,
        pagePath: '/rooms',
        body,
      });
      expect(answer.text, `${label}: no stack trace`).not.toMatch(/\n\s+at /);
      if (answer.status >= 400 && answer.status < 500) return;
      expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBe(200);
      const result = actionResult(answer.text);
      if (result.ok) expect(mayAccept, `${label}: accepted`).toBe(true);
      else expect(result.error.code, label).toBe('invalid_input');
    };

    let sent = 0;
    for (const operation of await apiOperations()) {
      const name = operation.operationId;
      const input = sampleFor(samples, operation).input;
      // `$undefined` is React's plain "undefined": a read whose input is all optional may run.
      const read = operation.method === 'GET';
      for (const marker of MARKERS) {
        await send(`${name}(${marker})`, JSON.stringify([name, marker]), read);
        await send(`${marker}(input)`, JSON.stringify([marker, input]), false);
        for (const field of requiredFields(operation)) {
          const body = JSON.stringify([name, { ...input, [field]: marker }]);
          await send(`${name}({ ${field}: ${marker} })`, body, false);
          sent += 1;
        }
        sent += 2;
      }
      const field = requiredFields(operation)[0];
      const deep = nested(20_000);
      const deepBody = field
        ? JSON.stringify([name, { ...input, [field]: 0 }]).replace(
            `"${field}":0`,
            `"${field}":${deep}`,
          )
        : `["${name}",${deep}]`;
      await send(`${name}(20,000 levels deep)`, deepBody, false);
      const huge = JSON.stringify([
        name,
        { ...input, [field ?? 'padding']: 'x'.repeat(5 * 2 ** 20) },
      ]);
      await send(`${name}(5 MB)`, huge, false);
      sent += 2;
    }
    expect(sent).toBeGreaterThan(500);

    expect(await snapshot()).toEqual(before);
    // Bad input is refused before anything is attempted or recorded: no audit row at all.
    const audit = await callOperation(request, 'listAuditEvents', {
      actor: attacker.username,
      limit: 500,
    });
    expect(audit.status, audit.text).toBe(200);
    const rows = (audit.body as { events: { action: string; outcome: string }[] }).events.filter(
      (event) => !event.action.startsWith('auth.'),
    );
    expect(rows).toEqual([]);
    await expectNoStackTrace(offset, 'serialization-marker arguments');
  } finally {
    await session.dispose();
  }
});
