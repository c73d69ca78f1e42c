import { z } from 'zod';

/**
 * LiveKit's VideoGrant (livekit-server-sdk 2.19 `VideoGrant`, protocol `auth/grants.go`), written
 * once as data: the token generator's input schema, its form and its tests derive from this list.
 * `reach: 'server'` marks grants that act on every room of the LiveKit server, not on the token's
 * room: a caller bound to a tenant or to some rooms may not hand them out (docs/tokens.md).
 * `absent` is what LiveKit assumes when the token leaves the field out (docs/livekit-behaviour.md §2.1).
 */
export const VIDEO_GRANT_FLAGS = {
  roomJoin: {
    label: 'Join the room',
    hint: 'Connect to the room as a participant (needs a room).',
    reach: 'room',
    absent: false,
  },
  canPublish: {
    label: 'Can publish',
    hint: 'Publish audio and video tracks.',
    reach: 'room',
    absent: true,
  },
  canSubscribe: {
    label: 'Can subscribe',
    hint: 'Receive the tracks of others.',
    reach: 'room',
    absent: true,
  },
  canPublishData: {
    label: 'Can publish data',
    hint: 'Send data messages and chat (LiveKit: as “Can publish” when left out).',
    reach: 'room',
    absent: true,
  },
  canUpdateOwnMetadata: {
    label: 'Can update own metadata',
    hint: 'Change their own name, metadata and attributes.',
    reach: 'room',
    absent: false,
  },
  hidden: {
    label: 'Hidden',
    hint: 'Invisible to the other participants.',
    reach: 'room',
    absent: false,
  },
  recorder: {
    label: 'Recorder',
    hint: 'Marks a recording participant (the room shows as recording).',
    reach: 'room',
    absent: false,
  },
  canSubscribeMetrics: {
    label: 'Can subscribe to metrics',
    hint: 'Receive metrics of the others.',
    reach: 'room',
    absent: false,
  },
  canManageAgentSession: {
    label: 'Can manage agent session',
    hint: 'Control agent sessions in the room.',
    reach: 'room',
    absent: false,
  },
  roomAdmin: {
    label: 'Room admin',
    hint: 'Moderate the room through the server API (needs a room).',
    reach: 'room',
    absent: false,
  },
  agent: {
    label: 'Agent',
    hint: 'Register as an Agents worker, which LiveKit dispatches to any room; marks the participant as an agent.',
    reach: 'server',
    absent: false,
  },
  roomCreate: {
    label: 'Create and delete rooms',
    hint: 'CreateRoom and DeleteRoom, for any room of the server.',
    reach: 'server',
    absent: false,
  },
  roomList: {
    label: 'List rooms',
    hint: 'ListRooms: every room of the server.',
    reach: 'server',
    absent: false,
  },
  roomRecord: {
    label: 'Record',
    hint: 'Every Egress method (recording, streaming), for any room.',
    reach: 'server',
    absent: false,
  },
  ingressAdmin: {
    label: 'Ingress admin',
    hint: 'Every Ingress method, not limited to a room.',
    reach: 'server',
    absent: false,
  },
} as const;
export type VideoGrantFlag = keyof typeof VIDEO_GRANT_FLAGS;
export const VIDEO_GRANT_FLAG_KEYS = Object.keys(VIDEO_GRANT_FLAGS) as VideoGrantFlag[];
/** Grants that reach beyond the token's room (see `reach`). */
export const SERVER_WIDE_GRANTS = VIDEO_GRANT_FLAG_KEYS.filter(
  (key) => VIDEO_GRANT_FLAGS[key].reach === 'server',
);

/** The string and list fields of a VideoGrant, with the words the form shows for them. */
export const VIDEO_GRANT_FIELDS = {
  room: { label: 'Room', hint: 'The room the grants apply to; required to join or administer.' },
  destinationRoom: {
    label: 'Destination room',
    hint: 'The room a room admin may move or forward participants into.',
  },
  canPublishSources: {
    label: 'Allowed sources',
    hint: 'None = every source (publishing still needs “Can publish”).',
  },
} as const;

/** The placeholders a join link template may use, each URL-encoded when the link is built. */
export const JOIN_LINK_PLACEHOLDERS = {
  url: 'The LiveKit URL clients connect to (LIVEKIT_PUBLIC_URL, else LIVEKIT_URL).',
  token: 'The generated token (required).',
  room: 'The room of the token.',
  identity: 'The identity of the token.',
} as const;
export type JoinLinkPlaceholder = keyof typeof JOIN_LINK_PLACEHOLDERS;

/** LiveKit Meet's page for joining a server of one's own with a token. */
export const DEFAULT_JOIN_LINK_TEMPLATE =
  'https://meet.livekit.io/custom?liveKitUrl={url}&token={token}';

const ms = z.number().int().describe('Epoch milliseconds');

/** The answer of generateToken: the only time the token is shown. */
export const generatedTokenSchema = z
  .object({
    token: z.string().describe('The signed JWT, shown once; Moderato keeps no copy.'),
    identity: z.string(),
    /** The JOSE header, decoded from the token itself. */
    header: z.record(z.string(), z.unknown()),
    /** Every claim, decoded from the token itself: what LiveKit will read. */
    claims: z.record(z.string(), z.unknown()),
    /** `exp`, in epoch milliseconds. */
    expiresAtMs: ms,
    /** The `{url}` of the join link: where clients connect. */
    livekitUrl: z.string(),
    /** The join link template filled in; null when the token cannot join a room. */
    joinLink: z.string().nullable(),
  })
  .meta({ id: 'GeneratedToken' });
export type GeneratedTokenDto = z.infer<typeof generatedTokenSchema>;

export const joinLinkTemplateSchema = z
  .object({
    template: z.string(),
    /** Where it comes from: built in, set for every tenant, or set for the caller's tenant. */
    source: z.enum(['default', 'global', 'tenant']),
    /** The tenant a `tenant` template belongs to. */
    tenant: z.string().nullable(),
    updatedBy: z.string().nullable(),
    updatedAtMs: ms.nullable(),
  })
  .meta({ id: 'JoinLinkTemplate' });
export type JoinLinkTemplateDto = z.infer<typeof joinLinkTemplateSchema>;
