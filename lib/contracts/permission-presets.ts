import { z } from 'zod';

import type { ParticipantPermissionDto } from './participant-permission';
import { PUBLISH_SOURCES, type PublishSource } from './tracks';

/** The fields a preset sets; the others (recorder, agent, metadata rights…) stay as they are. */
export const presetPermissionSchema = z.strictObject({
  canSubscribe: z.boolean(),
  canPublish: z.boolean(),
  canPublishData: z.boolean(),
  canPublishSources: z.array(z.enum(PUBLISH_SOURCES)).max(PUBLISH_SOURCES.length),
  hidden: z.boolean(),
});
export type PresetPermission = z.infer<typeof presetPermissionSchema> &
  Pick<ParticipantPermissionDto, 'canPublishSources'>;

const AV: PublishSource[] = ['CAMERA', 'MICROPHONE'];

/**
 * Built-in permission presets: named templates applied to one participant or a selection in one
 * step (`applyPermissionPreset`), and shown as a badge where a participant's permission equals one.
 */
export const PERMISSION_PRESETS = {
  speaker: {
    label: 'Speaker',
    description: 'Publishes camera and microphone, sends data, sees everyone.',
    permission: {
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
      canPublishSources: AV,
      hidden: false,
    },
  },
  screenPresenter: {
    label: 'Screen presenter',
    description: 'A speaker who may also share their screen.',
    permission: {
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
      canPublishSources: [...AV, 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'],
      hidden: false,
    },
  },
  audience: {
    label: 'Audience',
    description: 'Watches and chats; publishes no media.',
    permission: {
      canSubscribe: true,
      canPublish: false,
      canPublishData: true,
      canPublishSources: [],
      hidden: false,
    },
  },
  silentObserver: {
    label: 'Silent observer',
    description: 'Watches unseen; publishes nothing, not even data.',
    permission: {
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
      canPublishSources: [],
      hidden: true,
    },
  },
} as const satisfies Record<
  string,
  { label: string; description: string; permission: PresetPermission }
>;
export type PermissionPresetKey = keyof typeof PERMISSION_PRESETS;
export const PERMISSION_PRESET_KEYS = Object.keys(PERMISSION_PRESETS) as PermissionPresetKey[];

/**
 * A preset as listed and applied: a built-in one, or one an admin defined (stored, and visible
 * to their tenant only when they are bound to one — docs/moderation.md, "Permission presets").
 */
export const permissionPresetSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    description: z.string(),
    permission: presetPermissionSchema,
    builtIn: z.boolean(),
    /** The tenant whose moderators see it; null = everyone's (and every built-in one). */
    tenant: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAtMs: z.number().int().nullable().describe('Epoch milliseconds'),
  })
  .meta({ id: 'PermissionPreset' });
export type PermissionPresetDto = z.infer<typeof permissionPresetSchema>;

export const BUILT_IN_PRESETS: readonly PermissionPresetDto[] = PERMISSION_PRESET_KEYS.map(
  (key) => ({
    key,
    ...PERMISSION_PRESETS[key],
    permission: {
      ...PERMISSION_PRESETS[key].permission,
      canPublishSources: [...PERMISSION_PRESETS[key].permission.canPublishSources],
    },
    builtIn: true,
    tenant: null,
    createdBy: null,
    createdAtMs: null,
  }),
);

/** An admin's preset key: short, URL-safe, and never a built-in one's. */
export const PRESET_KEY_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

/** Whether a permission equals a preset on every field presets set. */
export function matchesPreset(
  permission: ParticipantPermissionDto,
  preset: PresetPermission,
): boolean {
  const sources = [...permission.canPublishSources].sort().join();
  return (
    preset.canSubscribe === permission.canSubscribe &&
    preset.canPublish === permission.canPublish &&
    preset.canPublishData === permission.canPublishData &&
    preset.hidden === permission.hidden &&
    [...preset.canPublishSources].sort().join() === sources
  );
}

/** The first preset (built-in ones come first) a permission equals, if any. */
export function presetOf(
  permission: ParticipantPermissionDto | null,
  presets: readonly PermissionPresetDto[] = BUILT_IN_PRESETS,
): PermissionPresetDto | null {
  if (!permission) return null;
  return presets.find((preset) => matchesPreset(permission, preset.permission)) ?? null;
}
