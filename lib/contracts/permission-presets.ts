import type { ParticipantPermissionDto } from './participant-permission';
import type { PublishSource } from './tracks';

/** The fields a preset sets; the others (recorder, agent, metadata rights…) stay as they are. */
export type PresetPermission = Pick<
  ParticipantPermissionDto,
  'canSubscribe' | 'canPublish' | 'canPublishData' | 'canPublishSources' | 'hidden'
>;

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

/** The preset a permission equals on every field presets set, if any. */
export function presetOf(permission: ParticipantPermissionDto | null): PermissionPresetKey | null {
  if (!permission) return null;
  const sources = [...permission.canPublishSources].sort().join();
  for (const key of PERMISSION_PRESET_KEYS) {
    const preset: PresetPermission = PERMISSION_PRESETS[key].permission;
    if (
      preset.canSubscribe === permission.canSubscribe &&
      preset.canPublish === permission.canPublish &&
      preset.canPublishData === permission.canPublishData &&
      preset.hidden === permission.hidden &&
      [...preset.canPublishSources].sort().join() === sources
    ) {
      return key;
    }
  }
  return null;
}
