import { z } from 'zod';

/**
 * OpenTalk's LiveKit signalling module, as JSON (docs/livekit-behaviour.md §12): the commands a
 * moderator sends (`action`), the events it answers (`message`), its errors and the microphone
 * restriction state. Keys are snake_case and values verbatim, because OpenTalk clients compare them
 * literally. Two slips of the published page are corrected as §12 records: the enabled restriction
 * state's `type` is `enabled`, and ScreenSharePermissionsUpdated's `message` is
 * `screen_share_permissions_updated`. Participant ids are LiveKit identities here.
 */

/** Lists of participant ids in one command; a bound so one request cannot name a whole city. */
export const COMMAND_PARTICIPANTS_MAX = 1000;

const participantIds = z
  .array(z.string().min(1, 'A participant id cannot be empty').max(256))
  .max(COMMAND_PARTICIPANTS_MAX);

export const OPENTALK_COMMAND_ACTIONS = [
  'create_new_access_token',
  'force_mute',
  'grant_screen_share_permission',
  'revoke_screen_share_permission',
  'enable_microphone_restrictions',
  'disable_microphone_restrictions',
  'request_popout_stream_access_token',
] as const;
export type OpenTalkCommandAction = (typeof OPENTALK_COMMAND_ACTIONS)[number];

export const openTalkCommandSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('create_new_access_token') }),
  z.strictObject({ action: z.literal('force_mute'), participants: participantIds }),
  z.strictObject({
    action: z.literal('grant_screen_share_permission'),
    participants: participantIds,
  }),
  z.strictObject({
    action: z.literal('revoke_screen_share_permission'),
    participants: participantIds,
  }),
  z.strictObject({
    action: z.literal('enable_microphone_restrictions'),
    unrestricted_participants: participantIds,
  }),
  z.strictObject({ action: z.literal('disable_microphone_restrictions') }),
  z.strictObject({ action: z.literal('request_popout_stream_access_token') }),
]);
export type OpenTalkCommand = z.infer<typeof openTalkCommandSchema>;
export type OpenTalkCommandOf<A extends OpenTalkCommandAction> = Extract<
  OpenTalkCommand,
  { action: A }
>;

/** `MicrophoneRestrictionState`: who may unmute. */
export const microphoneRestrictionStateSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('disabled') }),
    z.object({ type: z.literal('enabled'), unrestricted_participants: z.array(z.string()) }),
  ])
  .meta({ id: 'MicrophoneRestrictionState' });
export type MicrophoneRestrictionState = z.infer<typeof microphoneRestrictionStateSchema>;

/** `Credentials`: what a client needs to connect to LiveKit. */
export const credentialsSchema = z
  .object({
    room: z.string().describe('The LiveKit room the token is valid for.'),
    token: z.string().describe('The LiveKit access token (JWT).'),
    public_url: z.string().describe('LiveKit URL for clients on public networks.'),
    service_url: z
      .string()
      .optional()
      .describe('LiveKit URL for services in the LiveKit server’s own network.'),
  })
  .meta({ id: 'Credentials' });
export type Credentials = z.infer<typeof credentialsSchema>;

export const forceMutedEventSchema = z.object({
  message: z.literal('force_muted'),
  /** The id of the moderator who muted the receiver. */
  moderator: z.string(),
});
export type ForceMutedEvent = z.infer<typeof forceMutedEventSchema>;

export const microphoneRestrictionsEnabledEventSchema = z.object({
  message: z.literal('microphone_restrictions_enabled'),
  unrestricted_participants: z.array(z.string()),
});
export const microphoneRestrictionsDisabledEventSchema = z.object({
  message: z.literal('microphone_restrictions_disabled'),
});
export type MicrophoneRestrictionsEvent =
  | z.infer<typeof microphoneRestrictionsEnabledEventSchema>
  | z.infer<typeof microphoneRestrictionsDisabledEventSchema>;

/** The events a command is answered with (and that participants receive as data messages). */
export const openTalkEventSchema = z.discriminatedUnion('message', [
  credentialsSchema.extend({ message: z.literal('credentials') }),
  microphoneRestrictionsEnabledEventSchema,
  microphoneRestrictionsDisabledEventSchema,
  forceMutedEventSchema,
  z.object({ message: z.literal('popout_stream_access_token'), token: z.string() }),
  z.object({
    message: z.literal('screen_share_permissions_updated'),
    grant: z.boolean(),
    participants: z.array(z.string()),
  }),
]);
export type OpenTalkEvent = z.infer<typeof openTalkEventSchema>;

/**
 * The module's two errors, plus the same envelope for refusals the module has no name for (bad
 * JSON, an unknown room, no session…), which carry Moderato's error code (lib/contracts/errors.ts).
 */
export const OPENTALK_ERRORS = ['livekit_unavailable', 'insufficient_permissions'] as const;
export type OpenTalkError = (typeof OPENTALK_ERRORS)[number];

export const openTalkErrorSchema = z.object({
  message: z.literal('error'),
  error: z.string(),
});
export type OpenTalkErrorEvent = z.infer<typeof openTalkErrorSchema>;
