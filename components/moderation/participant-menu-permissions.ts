import type { Permission } from '@/lib/contracts/permissions';

/**
 * Every permission the participant menu (./participant-actions-menu.tsx) offers an item for:
 * without any of them there is no menu. Its own module, so asking costs no loading of the menu.
 */
export const PARTICIPANT_MENU_PERMISSIONS = [
  'tracks.mute',
  'participants.update',
  'participants.subscriptions',
  'participants.move',
  'participants.remove',
  'participants.ban',
] as const satisfies readonly Permission[];
