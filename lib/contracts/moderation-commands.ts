import { z } from 'zod';

import { credentialsSchema, microphoneRestrictionStateSchema } from './opentalk-livekit';

/**
 * What the moderation commands' operations answer on /api/v1 and to the UI. Where OpenTalk's
 * module has a shape (credentials, the restriction state) it is embedded verbatim; the per-room
 * command endpoint turns these into OpenTalk's events (lib/http/command-door.ts).
 */

const ms = z.number().int().describe('Epoch milliseconds');

export const forceMuteResultSchema = z
  .object({
    /** The moderator id the muted participants were told (`force_muted.moderator`). */
    moderator: z.string(),
    /** Participants whose microphone tracks were muted, with those tracks. */
    muted: z.array(z.object({ identity: z.string(), trackSids: z.array(z.string()) })),
    /** Listed participants that are not in the room. */
    missing: z.array(z.string()),
  })
  .meta({ id: 'ForceMuteResult' });
export type ForceMuteResultDto = z.infer<typeof forceMuteResultSchema>;

/** One participant's microphone right, as taken by the restrictions (and given back on disable). */
export const microphoneTakingSchema = z.object({
  identity: z.string(),
  takenAtMs: ms,
  /** False while only a join token was issued with the restriction (nobody has joined with it yet). */
  joined: z.boolean(),
});

export const microphoneRestrictionsSchema = z
  .object({
    roomName: z.string(),
    /** OpenTalk's `MicrophoneRestrictionState`, verbatim. */
    microphone_restriction_state: microphoneRestrictionStateSchema,
    enabledBy: z.string().nullable(),
    enabledAtMs: ms.nullable(),
    /** Who currently has their microphone right taken by the restrictions. */
    restricted: z.array(microphoneTakingSchema),
  })
  .meta({ id: 'MicrophoneRestrictions' });
export type MicrophoneRestrictionsDto = z.infer<typeof microphoneRestrictionsSchema>;

export const screenSharePermissionsSchema = z
  .object({
    grant: z.boolean(),
    /** Participants whose permission was updated (already as asked: listed too). */
    participants: z.array(z.string()),
    missing: z.array(z.string()),
  })
  .meta({ id: 'ScreenSharePermissionsUpdated' });
export type ScreenSharePermissionsDto = z.infer<typeof screenSharePermissionsSchema>;

export const joinCredentialsSchema = z
  .object({
    identity: z.string(),
    expiresAtMs: ms,
    /** OpenTalk's `Credentials`, verbatim. */
    credentials: credentialsSchema,
  })
  .meta({ id: 'JoinCredentials' });
export type JoinCredentialsDto = z.infer<typeof joinCredentialsSchema>;

export const popoutTokenSchema = z
  .object({ identity: z.string(), expiresAtMs: ms, token: z.string() })
  .meta({ id: 'PopoutStreamAccessToken' });
export type PopoutTokenDto = z.infer<typeof popoutTokenSchema>;
