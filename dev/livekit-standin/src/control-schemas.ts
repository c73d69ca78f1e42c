import {
  IngressInput,
  ParticipantInfo_Kind,
  ParticipantPermission,
  TrackSource,
  TrackType,
} from '@livekit/protocol';
import { z } from 'zod';
import { TwirpError } from './errors';
import type { JoinSpec } from './state/store';
import type { TrackSpec } from './state/tracks';

/**
 * Enum names are matched case-insensitively so `"camera"` and `"CAMERA"` both work. The declared
 * input type (what the typed client accepts) names those two spellings only, so a typo fails to
 * compile instead of coming back as a 400.
 */
const upper = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(values)) as unknown as z.ZodType<T[number], T[number] | Lowercase<T[number]>>;

export const trackSchema = z.object({
  type: upper(['AUDIO', 'VIDEO']),
  source: upper(['MICROPHONE', 'CAMERA', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO']),
  name: z.string().optional(),
  muted: z.boolean().optional(),
  simulcast: z.boolean().optional(),
});

export const joinSchema = z.object({
  room: z.string().min(1),
  identity: z.string().min(1),
  name: z.string().optional(),
  metadata: z.string().optional(),
  attributes: z.record(z.string(), z.string()).optional(),
  kind: upper(['STANDARD', 'INGRESS', 'EGRESS', 'SIP', 'AGENT', 'CONNECTOR', 'BRIDGE']).optional(),
  /** ParticipantPermission JSON, snake_case or camelCase keys. */
  permission: z.record(z.string(), z.unknown()).optional(),
  tracks: z.array(trackSchema).optional(),
  state: upper(['JOINING', 'JOINED', 'ACTIVE']).optional(),
});

export const bulkSchema = z.object({ participants: z.array(joinSchema).max(100_000) });
export const muteSchema = z.object({ muted: z.boolean() });
export const stateSchema = z.object({ state: upper(['JOINED', 'ACTIVE']) });

export const egressSchema = z.object({
  room: z.string().min(1),
  kind: z.enum(['room_composite', 'web', 'participant', 'track']).optional(),
  identity: z.string().optional(),
  trackSid: z.string().optional(),
  url: z.string().optional(),
});

export const ingressSchema = z.object({
  room: z.string().min(1),
  name: z.string().optional(),
  inputType: upper(['RTMP_INPUT', 'WHIP_INPUT', 'URL_INPUT']).optional(),
  identity: z.string().optional(),
  participantName: z.string().optional(),
});

/** Parses with zod; failures become a Twirp-style 400 naming the offending field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new TwirpError(
    'invalid_argument',
    `invalid request body: ${where}${issue?.message ?? 'invalid'}`,
  );
}

export function toTrackSpec(track: z.output<typeof trackSchema>): TrackSpec {
  return {
    type: TrackType[track.type],
    source: TrackSource[track.source],
    name: track.name,
    muted: track.muted,
    simulcast: track.simulcast,
  };
}

export function toJoinSpec(body: z.output<typeof joinSchema>): JoinSpec {
  let permission: ParticipantPermission | undefined;
  if (body.permission) {
    try {
      permission = ParticipantPermission.fromJson(body.permission as never, {
        ignoreUnknownFields: true,
      });
    } catch (error) {
      throw new TwirpError(
        'invalid_argument',
        `invalid request body: permission: ${String(error)}`,
      );
    }
  }
  return {
    identity: body.identity,
    name: body.name,
    metadata: body.metadata,
    attributes: body.attributes,
    kind: body.kind ? ParticipantInfo_Kind[body.kind] : undefined,
    permission,
    tracks: body.tracks?.map(toTrackSpec),
    state: body.state,
  };
}

export const toIngressInput = (name: string | undefined): IngressInput | undefined =>
  name ? IngressInput[name as keyof typeof IngressInput] : undefined;
