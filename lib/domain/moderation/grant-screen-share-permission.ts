import 'server-only';

import { screenSharePermissionsSchema } from '@/lib/contracts/moderation-commands';
import { screenShareInputSchema } from '@/lib/schemas/moderation-commands';

import { defineOperation } from '../operation';
import { setScreenShare } from './screen-share-permission';

/** OpenTalk's `grant_screen_share_permission`. */
export const grantScreenSharePermission = defineOperation({
  name: 'grantScreenSharePermission',
  summary: 'Allow participants to share their screen',
  description:
    'Adds SCREEN_SHARE and SCREEN_SHARE_AUDIO to each participant’s publish rights; every other permission field is kept.',
  tag: 'Participants',
  input: screenShareInputSchema,
  output: screenSharePermissionsSchema,
  permission: 'participants.update',
  http: { method: 'POST', path: '/rooms/{roomName}/screen-share-permission/grant' },
  audit: {
    action: 'participants.screen_share_granted',
    params: ({ participants }) => ({ participants }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  act: (_context, { roomName, participants }) => setScreenShare(roomName, participants, true),
});
