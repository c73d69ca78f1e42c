import { z } from 'zod';

import { trackSidSchema } from './participants';
import { identitySchema, roomNameSchema } from './rooms';

/**
 * The request bodies of the portal endpoints (docs/rest-api.md), in their snake_case. Names are
 * taken exactly as given — never trimmed or prefixed — and empty ones are refused. Unknown fields
 * are ignored, as the contract's reference server does, so a portal sending more still works.
 */
const required = <T extends z.ZodType>(field: string, schema: T) =>
  z
    .unknown()
    .superRefine((value, ctx) => {
      if (value === undefined || value === null) {
        ctx.addIssue({ code: 'custom', message: `${field} is required` });
      }
    })
    .pipe(schema);

export const portalMuteBodySchema = z.object({
  room_name: required('room_name', roomNameSchema),
  participant_identity: required('participant_identity', identitySchema),
  track_sid: required('track_sid', trackSidSchema),
  muted: required('muted', z.boolean({ error: 'muted must be true or false' })),
});
export type PortalMuteBody = z.output<typeof portalMuteBodySchema>;

export const portalRemoveBodySchema = z.object({
  room_name: required('room_name', roomNameSchema),
  participant_identity: required('participant_identity', identitySchema),
});
export type PortalRemoveBody = z.output<typeof portalRemoveBodySchema>;
