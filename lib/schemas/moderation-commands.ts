import { z } from 'zod';

import { COMMAND_PARTICIPANTS_MAX } from '@/lib/contracts/opentalk-livekit';

import { identitySchema, roomNameSchema } from './rooms';

/** Inputs of the moderation commands (OpenTalk's, docs/livekit-behaviour.md §12) as operations. */

const identities = (message: string) =>
  z.array(identitySchema).min(1, message).max(COMMAND_PARTICIPANTS_MAX);

export const forceMuteInputSchema = z.strictObject({
  roomName: roomNameSchema,
  participants: identities('Choose at least one participant'),
});
export type ForceMuteInput = z.input<typeof forceMuteInputSchema>;

export const screenShareInputSchema = z.strictObject({
  roomName: roomNameSchema,
  participants: identities('Choose at least one participant'),
});
export type ScreenShareInput = z.input<typeof screenShareInputSchema>;

export const enableMicrophoneRestrictionsInputSchema = z.strictObject({
  roomName: roomNameSchema,
  /** Identities still allowed to use their microphone; empty = nobody. */
  unrestrictedParticipants: z.array(identitySchema).max(COMMAND_PARTICIPANTS_MAX).default([]),
});
export type EnableMicrophoneRestrictionsInput = z.input<
  typeof enableMicrophoneRestrictionsInputSchema
>;
