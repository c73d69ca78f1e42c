import { z } from 'zod';

import { ROLES } from '@/lib/contracts/permissions';

// Plain-words validation messages for every parse of these schemas (forms included).
import './plain-messages';

/** Login names are stored lower-cased; the form may type capitals, the store never sees them. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,63}$/,
    'Username must be 2–64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
  );

export const PASSWORD_MIN_LENGTH = 12;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1024);

/** Empty = let the server generate one (shown once); forms send '' for an untouched field. */
const optionalPasswordSchema = z
  .string()
  .max(1024)
  .refine((v) => v === '' || v.length >= PASSWORD_MIN_LENGTH, {
    message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters, or leave it empty to generate one`,
  })
  .optional()
  .transform((v) => (v ? v : undefined));

export const roleSchema = z.enum(ROLES);

/** A tenant `auth_id`; empty text or null = not bound to a tenant (sees every room). */
export const tenantSchema = z
  .string()
  .trim()
  .max(128)
  .nullable()
  .transform((v) => (v ? v : null));

const nameSchema = z.string().trim().max(200);

/** Store ids are UUIDs; anything else simply is not found. */
export const userIdSchema = z.string().trim().min(1).max(128);

export const listUsersInputSchema = z.strictObject({
  /** Substring of the username or display name, case-insensitive. */
  search: z.string().trim().max(128).optional(),
});
export type ListUsersInput = z.input<typeof listUsersInputSchema>;

export const createUserInputSchema = z.strictObject({
  username: usernameSchema,
  /** Empty = the username. */
  name: nameSchema.optional(),
  role: roleSchema,
  /** Omitted for a tenant-bound admin: its own tenant. */
  tenant: tenantSchema.optional(),
  password: optionalPasswordSchema,
});
export type CreateUserInput = z.input<typeof createUserInputSchema>;

/** Omitted fields stay as they are; `tenant: null` (or '') unbinds the user. */
export const updateUserInputSchema = z.strictObject({
  userId: userIdSchema,
  name: nameSchema.min(1, 'Name is required').optional(),
  role: roleSchema.optional(),
  tenant: tenantSchema.optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInputSchema>;

export const setUserDisabledInputSchema = z.strictObject({
  userId: userIdSchema,
  disabled: z.boolean(),
});
export type SetUserDisabledInput = z.input<typeof setUserDisabledInputSchema>;

export const resetPasswordInputSchema = z.strictObject({
  userId: userIdSchema,
  /** Omitted = generate one and return it once. */
  password: optionalPasswordSchema,
});
export type ResetPasswordInput = z.input<typeof resetPasswordInputSchema>;
