import { z } from 'zod';

import { BULK_MAX_IDENTITIES, BULK_TRACK_GROUP_KEYS } from '@/lib/contracts/bulk';

import { presetKeySchema } from './permission-presets';
import { identitySchema, roomNameSchema } from './rooms';

/** Who a bulk run acts on: the named participants, or (without `identities`) the whole room. */
const bulkTargets = {
  roomName: roomNameSchema,
  identities: z
    .array(identitySchema)
    .min(1, 'Choose at least one participant, or leave the list out for the whole room')
    .max(BULK_MAX_IDENTITIES)
    .optional()
    .describe('The participants to act on; omit for everyone in the room.'),
  includeProtected: z
    .boolean()
    .default(false)
    .describe('Also act on moderators, agents, egress and recorders (left out by default).'),
  runId: z
    .uuid()
    .optional()
    .describe('Names the run, so it can be followed (`bulk.progress` live events) and cancelled.'),
};

export const muteTracksInBulkInputSchema = z.strictObject({
  ...bulkTargets,
  group: z.enum(BULK_TRACK_GROUP_KEYS).describe('Which tracks to mute.'),
});
export type MuteTracksInBulkInput = z.input<typeof muteTracksInBulkInputSchema>;

export const forceMuteInBulkInputSchema = z.strictObject(bulkTargets);
export type ForceMuteInBulkInput = z.input<typeof forceMuteInBulkInputSchema>;

export const removeParticipantsInBulkInputSchema = z.strictObject(bulkTargets);
export type RemoveParticipantsInBulkInput = z.input<typeof removeParticipantsInBulkInputSchema>;

export const applyPermissionPresetInputSchema = z.strictObject({
  ...bulkTargets,
  preset: presetKeySchema,
});
export type ApplyPermissionPresetInput = z.input<typeof applyPermissionPresetInputSchema>;

export const cancelBulkRunInputSchema = z.strictObject({
  roomName: roomNameSchema,
  runId: z.uuid(),
});
export type CancelBulkRunInput = z.input<typeof cancelBulkRunInputSchema>;
