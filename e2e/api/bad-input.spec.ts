import type { APIRequestContext } from '@playwright/test';

import { ERROR_CODES } from '@/lib/contracts/errors';

import { expect, test, uniqueSuffix, type LiveKitSeeder } from '../fixtures';
import { Standin } from '../moderation/support';
import {
  apiOperations,
  callOperation,
  expectErrorShape,
  expectResponseMatches,
  restRequest,
  sampleFor,
  sampleInputs,
  type ApiAnswer,
  type ApiOperation,
  type SampleTarget,
} from '../support/openapi';
import { E2E } from '../support/ports';

/**
 * Every write route of the OpenAPI document, fed input it must refuse: each answer is a 4xx with
 * the error shape and no stack trace, and nothing happens — the stand-in is unchanged and no
 * `success` row is audited for the target.
 */

const BASE_URL = `http://127.0.0.1:${E2E.dashboardPort}`;
const standin = new Standin(`http://127.0.0.1:${E2E.livekitPort}`);
/** /api/v1 reads at most this many body bytes (lib/http/read-request.ts, and the OpenAPI text). */
const MAX_BODY_BYTES = 1_200_000;

test.use({ account: 'admin', extraHTTPHeaders: { origin: BASE_URL } });

type JsonSchema = Record<string, unknown>;

interface Fixture {
  target: SampleTarget;
  writes: { operation: ApiOperation; input: Record<string, unknown> }[];
  /** Stand-in and users as they are now. */
  state(): Promise<unknown>;
  /** Audit rows with outcome `success` that touch the target rooms or users. */
  successes(): Promise<unknown[]>;
}

/** Seeds a room (alice: mic + camera, bob: mic), a destination room and a user. */
async function prepare(livekit: LiveKitSeeder, request: APIRequestContext): Promise<Fixture> {
  const hex = uniqueSuffix();
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
  const user = await callOperation(request, 'createUser', {
    username: `bi-${hex}`,
    role: 'viewer',
    password: `pw-${hex}-bad-input`,
  });
  expect(user.status, user.text).toBe(201);
  const target: SampleTarget = {
    roomName,
    mic: (await standin.track(roomName, 'alice', 'MICROPHONE')).sid,
    bobMic: (await standin.track(roomName, 'bob', 'MICROPHONE')).sid,
    destinationRoom,
    newRoomName: `${roomName}-new`,
    userId: (user.body as { user: { id: string } }).user.id,
    newUsername: `nu-${hex}`,
  };
  const samples = sampleInputs(target);
  const writes = (await apiOperations())
    .filter((operation) => operation.method !== 'GET')
    .map((operation) => ({ operation, input: sampleFor(samples, operation).input }));
  expect(writes.length).toBeGreaterThan(0);

  const rooms = [roomName, destinationRoom, target.newRoomName];
  const room = async (name: string) => {
    const state = await standin.room(name);
    if (!state) return null;
    return {
      room: state.room,
      participants: await Promise.all(
        state.participants.map(async (p) => ({
          ...p,
          received: await standin.received(name, p.identity),
        })),
      ),
    };
  };
  return {
    target,
    writes,
    state: async () => ({
      rooms: await Promise.all(rooms.map(room)),
      users: (await callOperation(request, 'listUsers', { search: hex })).body,
    }),
    successes: async () => {
      const audit = await callOperation(request, 'listAuditEvents', {
        outcome: 'success',
        limit: 500,
      });
      expect(audit.status).toBe(200);
      type Row = { roomName: string | null; params: Record<string, unknown> | null };
      return (audit.body as { events: Row[] }).events.filter(
        (e) =>
          (e.roomName !== null && rooms.includes(e.roomName)) ||
          e.params?.userId === target.userId ||
          e.params?.username === target.newUsername,
      );
    },
  };
}

/** Sends a hand-made body to an operation's route (path params filled from `input`). */
async function sendRaw(
  request: APIRequestContext,
  operation: ApiOperation,
  input: Record<string, unknown>,
  body: { contentType: string; data: string | Buffer },
): Promise<ApiAnswer> {
  const { url } = await restRequest(operation, input);
  const res = await request.fetch(url, {
    method: operation.method,
    headers: { 'content-type': body.contentType },
    // A Buffer goes out byte for byte (Playwright re-encodes JSON-typed strings that do not parse).
    data: typeof body.data === 'string' ? Buffer.from(body.data) : body.data,
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status(), headers: res.headers(), text, body: parsed };
}

/** The fields of the input that go in the body (the rest fill the path). */
function bodyOf(operation: ApiOperation, input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).filter(([name]) => !operation.pathParams.includes(name)),
  );
}

const label = (operation: ApiOperation) =>
  `${operation.method} ${operation.route} (${operation.operationId})`;

/** A refusal: the status and code, the error shape, no stack, and what the document promises. */
async function expectRefused(
  operation: ApiOperation,
  answer: ApiAnswer,
  code: keyof typeof ERROR_CODES,
  context: string,
): Promise<void> {
  const where = `${label(operation)} ${context}`;
  expect(answer.status, `${where}: ${answer.text.slice(0, 300)}`).toBe(ERROR_CODES[code].status);
  expectErrorShape(answer, code, where);
  await expectResponseMatches(operation.operationId, answer.status, answer.body);
}

/** Runs `attempt` on every write route, then checks that nothing happened. */
async function onEveryWrite(
  livekit: LiveKitSeeder,
  request: APIRequestContext,
  attempt: (write: Fixture['writes'][number], fixture: Fixture) => Promise<void>,
): Promise<void> {
  const fixture = await prepare(livekit, request);
  const before = await fixture.state();
  for (const write of fixture.writes) await attempt(write, fixture);
  expect(await fixture.state()).toEqual(before);
  expect(await fixture.successes()).toEqual([]);
}

function typeOf(schema: JsonSchema | undefined): string | undefined {
  return typeof schema?.type === 'string' ? schema.type : undefined;
}

/**
 * A field of the body schema and a value of the wrong type for it: a number where it says string
 * (the first such field), else a string for a boolean/number, a string for an array, a number for
 * an object. Undefined when the operation takes no body.
 */
function wrongType(operation: ApiOperation): { field: string; value: unknown } | undefined {
  const properties = (operation.bodySchema?.properties ?? {}) as Record<string, JsonSchema>;
  const entries = Object.entries(properties);
  const text = entries.find(([, schema]) => typeOf(schema) === 'string');
  if (text) return { field: text[0], value: 12345 };
  for (const [field, schema] of entries) {
    const type = typeOf(schema);
    if (type === 'boolean' || type === 'integer' || type === 'number') {
      return { field, value: 'true' };
    }
    if (type === 'array') return { field, value: 'not-a-list' };
    if (type === 'object') return { field, value: 42 };
  }
  return undefined;
}

/**
 * Strings one character over a limit: every `maxLength` the document gives a top-level body field
 * or path parameter, then the byte limits it cannot express (zod refinements): 512 KiB of metadata,
 * 256 bytes of identity or room name.
 */
function oversizedStrings(
  operation: ApiOperation,
  input: Record<string, unknown>,
): { field: string; input: Record<string, unknown> }[] {
  const cases: { field: string; input: Record<string, unknown> }[] = [];
  const properties = (operation.bodySchema?.properties ?? {}) as Record<string, JsonSchema>;
  const limited = Object.entries(properties).find(
    ([, schema]) => typeOf(schema) === 'string' && typeof schema.maxLength === 'number',
  );
  if (limited) {
    const [field, schema] = limited;
    cases.push({
      field,
      input: { ...input, [field]: 'x'.repeat((schema.maxLength as number) + 1) },
    });
  } else {
    const document = operation.pathParams.find((name) => {
      const schema = pathParamSchema(operation, name);
      return typeof schema?.maxLength === 'number';
    });
    if (document) {
      const max = pathParamSchema(operation, document)!.maxLength as number;
      cases.push({ field: document, input: { ...input, [document]: 'x'.repeat(max + 1) } });
    }
  }
  if ('metadata' in properties) {
    cases.push({ field: 'metadata', input: { ...input, metadata: 'm'.repeat(600 * 1024) } });
  } else if (operation.pathParams.includes('identity')) {
    cases.push({ field: 'identity', input: { ...input, identity: 'i'.repeat(300) } });
  } else if (operation.pathParams.includes('roomName')) {
    cases.push({ field: 'roomName', input: { ...input, roomName: 'r'.repeat(300) } });
  }
  return cases;
}

function pathParamSchema(operation: ApiOperation, name: string): JsonSchema | undefined {
  return operation.pathSchemas[name];
}

test.describe('every write route of the OpenAPI document', () => {
  test('malformed JSON is refused with 400 invalid_input and changes nothing', async ({
    livekit,
    request,
  }) => {
    await onEveryWrite(livekit, request, async ({ operation, input }) => {
      const answer = await sendRaw(request, operation, input, {
        contentType: 'application/json',
        data: '{"muted": tru',
      });
      await expectRefused(operation, answer, 'invalid_input', 'malformed JSON');
    });
  });

  test('a JSON array body is refused with 400 invalid_input and changes nothing', async ({
    livekit,
    request,
  }) => {
    await onEveryWrite(livekit, request, async ({ operation, input }) => {
      const answer = await sendRaw(request, operation, input, {
        contentType: 'application/json',
        data: JSON.stringify([bodyOf(operation, input)]),
      });
      await expectRefused(operation, answer, 'invalid_input', 'JSON array');
    });
  });

  test('a field of the wrong type is refused with 400 invalid_input naming it, and changes nothing', async ({
    livekit,
    request,
  }) => {
    const withoutBody: string[] = [];
    await onEveryWrite(livekit, request, async ({ operation, input }) => {
      const wrong = wrongType(operation);
      if (!wrong) {
        withoutBody.push(operation.operationId);
        return;
      }
      const answer = await sendRaw(request, operation, input, {
        contentType: 'application/json',
        data: JSON.stringify({ ...bodyOf(operation, input), [wrong.field]: wrong.value }),
      });
      await expectRefused(operation, answer, 'invalid_input', `${wrong.field}: ${wrong.value}`);
      const { fieldErrors } = (answer.body as { error: { fieldErrors?: object } }).error;
      expect(Object.keys(fieldErrors ?? {}), label(operation)).toContain(wrong.field);
    });
    // Only the routes that take no body at all have no field to get wrong.
    const bodiless = (await apiOperations())
      .filter((o) => o.method !== 'GET' && !o.bodySchema)
      .map((o) => o.operationId);
    expect(withoutBody.sort()).toEqual(bodiless.sort());
  });

  test('an unknown field is refused with 400 invalid_input naming it, and changes nothing', async ({
    livekit,
    request,
  }) => {
    await onEveryWrite(livekit, request, async ({ operation, input }) => {
      const answer = await sendRaw(request, operation, input, {
        contentType: 'application/json',
        data: JSON.stringify({ ...bodyOf(operation, input), unexpectedField: 'x' }),
      });
      await expectRefused(operation, answer, 'invalid_input', 'unknown field');
      expect(answer.text, label(operation)).toContain('unexpectedField');
    });
  });

  test('a body over 1,200,000 bytes is refused with 413 payload_too_large and changes nothing', async ({
    livekit,
    request,
  }) => {
    await onEveryWrite(livekit, request, async ({ operation, input }) => {
      const data = JSON.stringify({
        ...bodyOf(operation, input),
        padding: 'p'.repeat(MAX_BODY_BYTES + 1_000),
      });
      expect(Buffer.byteLength(data)).toBeGreaterThan(MAX_BODY_BYTES);
      const answer = await sendRaw(request, operation, input, {
        contentType: 'application/json',
        data,
      });
      await expectRefused(operation, answer, 'payload_too_large', 'oversized body');
    });
  });

  test('a string over its limit in a small body is refused with 400 invalid_input naming it, and changes nothing', async ({
    livekit,
    request,
  }) => {
    await onEveryWrite(livekit, request, async ({ operation, input }) => {
      const cases = oversizedStrings(operation, input);
      expect(cases.length, `${label(operation)} has a limited string`).toBeGreaterThan(0);
      for (const { field, input: oversized } of cases) {
        const data = JSON.stringify(bodyOf(operation, oversized));
        expect(Buffer.byteLength(data)).toBeLessThan(MAX_BODY_BYTES);
        const answer = await sendRaw(request, operation, oversized, {
          contentType: 'application/json',
          data,
        });
        await expectRefused(operation, answer, 'invalid_input', `oversized ${field}`);
        const { fieldErrors } = (answer.body as { error: { fieldErrors?: object } }).error;
        expect(Object.keys(fieldErrors ?? {}), `${label(operation)} oversized ${field}`).toContain(
          field,
        );
      }
    });
  });

  test('a body that is not JSON is refused with 415 unsupported_media_type and changes nothing', async ({
    livekit,
    request,
  }) => {
    await onEveryWrite(livekit, request, async ({ operation, input }) => {
      const answer = await sendRaw(request, operation, input, {
        contentType: 'text/plain',
        data: JSON.stringify(bodyOf(operation, input)),
      });
      await expectRefused(operation, answer, 'unsupported_media_type', 'text/plain body');
      const form = await sendRaw(request, operation, input, {
        contentType: 'application/x-www-form-urlencoded',
        data: 'a=1',
      });
      await expectRefused(operation, form, 'unsupported_media_type', 'form body');
    });
  });
});

async function answerOf(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<ApiAnswer> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status(), headers: res.headers(), text, body };
}

test('GET /api/v1/rooms/%ZZ – a malformed %-escape in the path is 400 invalid_input', async ({
  request,
}) => {
  // Next would answer a bare 500 while decoding the route parameter; proxy.ts refuses it first.
  const answer = await answerOf(await request.get('/api/v1/rooms/%ZZ'));
  expect(answer.status, answer.text).toBe(400);
  expectErrorShape(answer, 'invalid_input', '%ZZ');
});

test('GET /api/v1/no-such-thing – an unknown path is 404 not_found', async ({ request }) => {
  const answer = await answerOf(await request.get('/api/v1/no-such-thing/at/all'));
  expect(answer.status, answer.text).toBe(404);
  expectErrorShape(answer, 'not_found', 'unknown path');
});

test('PUT /api/v1/rooms – a method the path does not take is 405 with an Allow header', async ({
  request,
}) => {
  const answer = await answerOf(await request.put('/api/v1/rooms', { data: {} }));
  expect(answer.status, answer.text).toBe(405);
  expectErrorShape(answer, 'method_not_allowed', 'PUT /rooms');
  const allow = (answer.headers.allow ?? '').split(/,\s*/).sort();
  const documented = (await apiOperations())
    .filter((o) => o.path === '/rooms')
    .map((o) => o.method)
    .sort();
  expect(allow).toEqual(documented);
});
