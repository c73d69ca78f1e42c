import { z } from 'zod';

import {
  PERMISSION_PRESET_KEYS,
  PRESET_KEY_PATTERN,
  presetPermissionSchema,
} from '@/lib/contracts/permission-presets';

/** A preset's key, built-in or an admin's (which one it names is the domain's to find out). */
export const presetKeySchema = z
  .string()
  .trim()
  .max(40)
  .regex(
    new RegExp(`${PRESET_KEY_PATTERN.source}|^(${PERMISSION_PRESET_KEYS.join('|')})$`),
    'Unknown preset',
  )
  .describe(
    'A built-in preset (speaker, screenPresenter, audience, silentObserver) or an admin’s.',
  );

export const listPermissionPresetsInputSchema = z.strictObject({});

export const createPermissionPresetInputSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .max(40)
    .regex(
      PRESET_KEY_PATTERN,
      'Use 2–40 lowercase letters, digits and dashes, starting with a letter',
    )
    .refine(
      (key) => !(PERMISSION_PRESET_KEYS as string[]).includes(key),
      'A built-in preset has this key',
    )
    .describe('Short name used by the API, e.g. `panelist`.'),
  label: z.string().trim().min(1, 'Name is required').max(60),
  description: z.string().trim().max(200).default(''),
  permission: presetPermissionSchema,
});
export type CreatePermissionPresetInput = z.input<typeof createPermissionPresetInputSchema>;

export const deletePermissionPresetInputSchema = z.strictObject({ key: presetKeySchema });
export type DeletePermissionPresetInput = z.input<typeof deletePermissionPresetInputSchema>;
