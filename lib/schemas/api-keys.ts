import { z } from 'zod';

import { roomNameSchema } from './rooms';
import { roleSchema, tenantSchema } from './users';

/** Key names show up in the audit log as the actor, and `npm run apikey -- revoke <name>` takes them. */
export const apiKeyNameSchema = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(64, 'At most 64 characters')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    '1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
  );

/** The most rooms one key may be limited to: a scope, not a directory. */
export const API_KEY_MAX_ROOMS = 100;

/** Room names exactly as LiveKit knows them (never trimmed: the seeds use names as given). */
export const apiKeyRoomsSchema = z
  .array(roomNameSchema)
  .max(API_KEY_MAX_ROOMS, `At most ${API_KEY_MAX_ROOMS} rooms`)
  .transform((rooms) => [...new Set(rooms)]);

export const createApiKeyInputSchema = z.strictObject({
  name: apiKeyNameSchema,
  role: roleSchema,
  /** The tenant's `auth_id`; empty or null = every tenant. Omitted by a tenant-bound admin: its own. */
  tenant: tenantSchema.optional(),
  /** Omitted, null or empty = every room of the tenant. */
  rooms: apiKeyRoomsSchema
    .nullable()
    .optional()
    .transform((rooms) => (rooms && rooms.length > 0 ? rooms : null)),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInputSchema>;

export const listApiKeysInputSchema = z.strictObject({});
export type ListApiKeysInput = z.input<typeof listApiKeysInputSchema>;

/** Store ids are UUIDs; anything else simply is not found. */
export const revokeApiKeyInputSchema = z.strictObject({
  keyId: z.string().trim().min(1, 'Key id is required').max(128),
});
export type RevokeApiKeyInput = z.input<typeof revokeApiKeyInputSchema>;

/**
 * The page's form: rooms as text, one name per line (a room name may contain a comma). Lines are
 * not trimmed — names are LiveKit's, exactly — only empty lines are skipped.
 */
export const createApiKeyFormSchema = z
  .object({
    name: apiKeyNameSchema,
    role: roleSchema,
    tenant: z.string().trim().max(128, 'At most 128 characters'),
    rooms: z.string(),
  })
  .transform(({ name, role, tenant, rooms }): z.input<typeof createApiKeyInputSchema> => ({
    name,
    role,
    tenant: tenant || null,
    rooms: rooms.split('\n').filter((line) => line !== ''),
  }));
