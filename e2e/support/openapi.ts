import { expect, type APIRequestContext } from '@playwright/test';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';

import { ERROR_CODES, type ErrorCode } from '@/lib/contracts/errors';
import { PERMISSIONS, type Permission } from '@/lib/contracts/permissions';

import { E2E } from './ports';

/**
 * The API as the dashboard publishes it (`GET /api/openapi.json`): the specs take the operation
 * list, paths, permissions and response schemas from here instead of restating them, so a new
 * operation shows up in every generated check by itself.
 */

type JsonSchema = Record<string, unknown>;
type Ref = { $ref: string };
interface RawResponse {
  description?: string;
  content?: Record<string, { schema: JsonSchema }>;
}
interface RawOperation {
  operationId: string;
  'x-permission': string;
  'x-audit-action'?: string;
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, RawResponse | Ref>;
}
export interface OpenApiDocument {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, RawOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, RawResponse>;
  };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One operation of the document, in the shape the specs use. */
export interface ApiOperation {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path under the server URL, e.g. `/rooms/{roomName}`. */
  path: string;
  /** `/api/v1/rooms/:roomName` — for test titles. */
  route: string;
  permission: Permission;
  /** Absent when the audit action depends on the input (mute vs unmute, …). */
  auditAction?: string;
  pathParams: string[];
  /** Each path parameter's schema. */
  pathSchemas: Record<string, JsonSchema>;
  queryParams: string[];
  /** The JSON body schema of a write, if it takes fields besides the path. */
  bodySchema?: JsonSchema;
  responses: Record<string, RawResponse | Ref>;
}

const DEFAULT_BASE_URL = `http://127.0.0.1:${E2E.dashboardPort}`;
const SCHEMA_REF = '#/components/schemas/';
const RESPONSE_REF = '#/components/responses/';

let documentPromise: Promise<OpenApiDocument> | undefined;

/** The document, fetched once per worker (it is public: no session needed). */
export function openApiDocument(baseURL = DEFAULT_BASE_URL): Promise<OpenApiDocument> {
  documentPromise ??= (async () => {
    const res = await fetch(`${baseURL}/api/openapi.json`);
    if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
    return (await res.json()) as OpenApiDocument;
  })();
  documentPromise.catch(() => {
    documentPromise = undefined;
  });
  return documentPromise;
}

/** `/api/v1`: the document's server URL. */
export async function apiPrefix(): Promise<string> {
  return (await openApiDocument()).servers[0]!.url;
}

/** Every operation of the document, in document order. */
export async function apiOperations(): Promise<ApiOperation[]> {
  const document = await openApiDocument();
  const prefix = document.servers[0]!.url;
  const operations: ApiOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const permission = raw['x-permission'];
      if (!(PERMISSIONS as string[]).includes(permission)) {
        throw new Error(`${raw.operationId}: unknown x-permission ${permission}`);
      }
      const parameters = raw.parameters ?? [];
      operations.push({
        operationId: raw.operationId,
        method: method.toUpperCase() as HttpMethod,
        path,
        route: `${prefix}${path.replace(/\{(\w+)\}/g, ':$1')}`,
        permission: permission as Permission,
        auditAction: raw['x-audit-action'],
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        pathSchemas: Object.fromEntries(
          parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.schema]),
        ),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodySchema: raw.requestBody?.content['application/json']?.schema,
        responses: raw.responses,
      });
    }
  }
  return operations;
}

export async function apiOperation(operationId: string): Promise<ApiOperation> {
  const operation = (await apiOperations()).find((o) => o.operationId === operationId);
  if (!operation) throw new Error(`no operation ${operationId} in the OpenAPI document`);
  return operation;
}

/** An operation's whole input (path params + query or body fields) split the way REST takes it. */
export async function restRequest(
  operation: ApiOperation,
  input: Record<string, unknown>,
): Promise<{ url: string; body?: Record<string, unknown> }> {
  const prefix = await apiPrefix();
  const rest = { ...input };
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rest[name];
    if (typeof value !== 'string') throw new Error(`${operation.operationId}: no path ${name}`);
    delete rest[name];
    return encodeURIComponent(value);
  });
  if (operation.method === 'GET') {
    const query = new URLSearchParams(
      Object.entries(rest).map(([key, value]) => [key, String(value)] as [string, string]),
    ).toString();
    return { url: `${prefix}${path}${query ? `?${query}` : ''}` };
  }
  return { url: `${prefix}${path}`, body: Object.keys(rest).length > 0 ? rest : undefined };
}

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  body: unknown;
}

/**
 * Calls one operation over REST with the context's cookies: path params filled, the rest as query
 * (reads) or JSON body (writes). Send `Origin` through the context's extraHTTPHeaders.
 */
export async function callOperation(
  request: APIRequestContext,
  operationId: string,
  input: Record<string, unknown>,
): Promise<ApiAnswer> {
  const operation = await apiOperation(operationId);
  const { url, body } = await restRequest(operation, input);
  const res = await request.fetch(url, {
    method: operation.method,
    ...(body ? { data: body } : {}),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status(), headers: res.headers(), text, body: parsed };
}

// ---- response validation --------------------------------------------------------------------

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

async function validator(key: string, schema: JsonSchema): Promise<ValidateFunction> {
  const document = await openApiDocument();
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    for (const [name, component] of Object.entries(document.components.schemas)) {
      // The document gives each component `$id: "#/components/schemas/<name>"`; JSON Schema
      // 2020-12 forbids a fragment in `$id`, so the component is registered under that
      // reference as its key instead.
      const { $id: _id, ...rest } = component;
      ajv.addSchema(rest, `${SCHEMA_REF}${name}`);
    }
  }
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

/**
 * Asserts that `body` is what the document promises for this operation and status: the status is
 * documented, a 204 has no body, anything else matches the response schema (draft 2020-12, with
 * the components), and an error's code is the one the documented response stands for.
 */
export async function expectResponseMatches(
  operationId: string,
  status: number,
  body: unknown,
  contentType = 'application/json',
): Promise<void> {
  const document = await openApiDocument();
  const operation = await apiOperation(operationId);
  const documented = operation.responses[String(status)];
  expect(
    Object.keys(operation.responses),
    `${operationId}: is status ${status} documented? body: ${JSON.stringify(body)?.slice(0, 300)}`,
  ).toContain(String(status));
  let response = documented as RawResponse | Ref;
  let errorCode: string | undefined;
  if ('$ref' in response) {
    const ref = response.$ref;
    expect(ref.startsWith(RESPONSE_REF), ref).toBe(true);
    errorCode = ref.slice(RESPONSE_REF.length);
    response = document.components.responses[errorCode]!;
    expect(response, ref).toBeDefined();
  }
  if (!response.content) {
    expect(body ?? '', `${operationId} ${status} has no content`).toBe('');
    return;
  }
  const media = response.content[contentType];
  expect(media, `${operationId} ${status}: ${contentType} is documented`).toBeDefined();
  const validate = await validator(`${operationId} ${status} ${contentType}`, media!.schema);
  const valid = validate(body);
  expect(
    valid,
    `${operationId} ${status} answer does not match its schema: ${ajv!.errorsText(validate.errors, { separator: '\n' })}\n${JSON.stringify(body)?.slice(0, 500)}`,
  ).toBe(true);
  if (errorCode) {
    expect((body as { error: { code: string } }).error.code, `${operationId} ${status}`).toBe(
      errorCode,
    );
    expect(ERROR_CODES[errorCode as ErrorCode]?.status).toBe(status);
  }
}

/** Asserts an `{ error: { code, message } }` answer with no stack trace in it. */
export function expectErrorShape(answer: ApiAnswer, code: string, context = ''): void {
  expect(answer.body, `${context} ${answer.status} ${answer.text.slice(0, 300)}`).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String) }),
  });
  expect(answer.text, `${context}: no stack trace`).not.toMatch(/\n\s+at /);
  expect(answer.text, `${context}: no stack trace`).not.toMatch(/\\n\s+at /);
}

// ---- sample inputs --------------------------------------------------------------------------

/** What the sample inputs aim at; each spec seeds its own. */
export interface SampleTarget {
  /** A seeded room with participants `alice` (microphone + camera) and `bob` (microphone). */
  roomName: string;
  /** Sid of alice's microphone, of bob's microphone. */
  mic: string;
  bobMic: string;
  /** Another seeded room (a move destination). */
  destinationRoom: string;
  /** A name no room has: createRoom's. */
  newRoomName: string;
  /** A seeded local dashboard user (not an admin). */
  userId: string;
  /** A username nobody has: createUser's. */
  newUsername: string;
}

export interface Sample {
  input: Record<string, unknown>;
  /** The audit action this input records, where the document cannot say (it depends on it). */
  auditAction?: string;
}

/**
 * One valid input per operationId: a real call any permitted caller could make. Every operation of
 * the document must have one (the specs check it), so a new operation joins the generated checks
 * as soon as it is published.
 */
export function sampleInputs(target: SampleTarget): Record<string, Sample> {
  const { roomName, mic, bobMic } = target;
  const alice = { roomName, identity: 'alice' };
  return {
    listRooms: { input: {} },
    getRoom: { input: { roomName } },
    createRoom: { input: { roomName: target.newRoomName, metadata: '{"topic":"new"}' } },
    deleteRoom: { input: { roomName } },
    updateRoomMetadata: { input: { roomName, metadata: '{"taken":true}' } },
    sendData: { input: { roomName, payload: 'hello', topic: 'chat' } },
    listParticipants: { input: { roomName } },
    getParticipant: { input: alice },
    searchParticipants: { input: { query: 'ALI', limit: 5 } },
    removeParticipant: { input: alice },
    banParticipant: { input: { ...alice, reason: 'Sample ban', durationSeconds: 900 } },
    listBans: { input: {} },
    // Ban ids are uuids; a made-up one is a valid input that finds nothing.
    liftBan: { input: { banId: 'ban-sample' } },
    updatePermissions: { input: { ...alice, permission: { canPublish: false, hidden: true } } },
    updateParticipant: { input: { ...alice, name: 'Mallory', attributes: { team: 'red' } } },
    updateSubscriptions: { input: { ...alice, trackSids: [bobMic], subscribe: false } },
    getParticipantSubscriptions: { input: alice },
    moveParticipant: {
      input: { ...alice, destinationRoom: target.destinationRoom, mode: 'move' },
      auditAction: 'participant.moved',
    },
    muteTrack: { input: { ...alice, trackSid: mic, muted: true }, auditAction: 'track.muted' },
    requestUnmute: { input: { ...alice, trackSid: mic } },
    requestCamera: { input: alice },
    // An answer to a request never sent: a valid input that records nothing (404).
    recordConsentAnswer: {
      input: { ...alice, requestId: 'request-sample', request: 'camera', accepted: true },
      auditAction: 'participant.camera_request_accepted',
    },
    muteTracksInBulk: { input: { roomName, group: 'microphones' } },
    forceMuteInBulk: { input: { roomName, identities: ['alice'] } },
    removeParticipantsInBulk: { input: { roomName, identities: ['alice'] } },
    applyPermissionPreset: { input: { roomName, identities: ['alice'], preset: 'audience' } },
    listPermissionPresets: { input: {} },
    createPermissionPreset: {
      input: {
        key: `p-${target.newUsername.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`.slice(0, 40),
        label: 'Sample preset',
        permission: {
          canSubscribe: true,
          canPublish: false,
          canPublishData: true,
          canPublishSources: [],
          hidden: false,
        },
      },
    },
    // A key no preset has: a valid input that finds nothing.
    deletePermissionPreset: { input: { key: 'no-such-preset' } },
    // A run that is not running: a valid input that stops nothing.
    cancelBulkRun: { input: { roomName, runId: '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f' } },
    forceMute: { input: { roomName, participants: ['alice', 'bob'] } },
    getMicrophoneRestrictions: { input: { roomName } },
    enableMicrophoneRestrictions: { input: { roomName, unrestrictedParticipants: ['bob'] } },
    disableMicrophoneRestrictions: { input: { roomName } },
    grantScreenSharePermission: { input: { roomName, participants: ['alice'] } },
    revokeScreenSharePermission: { input: { roomName, participants: ['alice'] } },
    createAccessToken: { input: { roomName } },
    requestPopoutToken: { input: { roomName } },
    getRoomLock: { input: { roomName } },
    listRoomLocks: { input: {} },
    lockRoom: { input: { roomName, allowList: ['bob'] } },
    unlockRoom: { input: { roomName } },
    suspendActivity: { input: { roomName } },
    resumeActivity: { input: { roomName } },
    // Without a room: the matrix expects a room in the audit row only from a top-level roomName.
    generateToken: { input: { identity: 'alice', ttlSeconds: 600, video: { roomList: true } } },
    getJoinLinkTemplate: { input: {} },
    // LiveKit Meet's, the default: even a call that went through would change no link.
    setJoinLinkTemplate: {
      input: { template: 'https://meet.livekit.io/custom?liveKitUrl={url}&token={token}' },
    },
    listUsers: { input: { search: target.newUsername } },
    createUser: {
      input: { username: target.newUsername, role: 'viewer', password: 'sample-password-1' },
    },
    updateUser: { input: { userId: target.userId, name: 'Renamed', role: 'moderator' } },
    setUserDisabled: {
      input: { userId: target.userId, disabled: true },
      auditAction: 'user.disabled',
    },
    resetPassword: { input: { userId: target.userId, password: 'another-password-1' } },
    listUserSessions: { input: { userId: target.userId } },
    revokeUserSessions: { input: { userId: target.userId } },
    listApiKeys: { input: {} },
    createApiKey: { input: { name: target.newUsername, role: 'viewer' } },
    // Key ids are uuids; a made-up one is a valid input that finds nothing.
    revokeApiKey: { input: { keyId: 'key-sample' } },
    listEmbedPortals: { input: {} },
    createEmbedPortal: {
      input: {
        name: target.newUsername,
        allowedOrigins: ['https://portal.example.com'],
        maxRole: 'viewer',
      },
    },
    // Portal ids are uuids; a made-up one is a valid input that finds nothing.
    revokeEmbedPortal: { input: { portalId: 'portal-sample' } },
    listAuditEvents: { input: { limit: 5 } },
    exportAuditEvents: { input: { format: 'json' } },
    getLiveKitStatus: { input: {} },
    listRoomSessions: { input: { q: roomName, limit: 5 } },
    // Sids are LiveKit's; a made-up one is a valid input that finds nothing.
    getRoomSession: { input: { roomSid: 'RM_sampleSession' } },
    exportRoomSessions: { input: { q: roomName, format: 'json' } },
    listRoomEvents: { input: { roomName, type: 'participant.joined,participant.left', limit: 5 } },
    getWebhookHealth: { input: {} },
  };
}

/** The sample of an operation, or a failure naming the operation that has none. */
export function sampleFor(samples: Record<string, Sample>, operation: ApiOperation): Sample {
  const sample = samples[operation.operationId];
  if (!sample) {
    throw new Error(
      `${operation.method} ${operation.route} (${operation.operationId}) has no sample input: add one to sampleInputs() in e2e/support/openapi.ts`,
    );
  }
  return sample;
}
