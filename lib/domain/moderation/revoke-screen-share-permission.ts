import 'server-only';

import { screenSharePermissionsSchema } from '@/lib/contracts/moderation-commands';
import { screenShareInputSchema } from '@/lib/schemas/moderation-commands';

import { defineOperation } from '../operation';
import { setScreenShare } from './screen-share-permission';

/** OpenTalk's `revoke_screen_share_permission`: a running share stops, nobody is disconnected. */
export const revokeScreenSharePermission = defineOperation({
  name: 'revokeScreenSharePermission',
  summary: 'Stop participants from sharing their screen',
  description:
    'Removes SCREEN_SHARE and SCREEN_SHARE_AUDIO from each participant’s publish rights; LiveKit unpublishes a running share at once. Every other permission field is kept and nobody is disconnected.',
  tag: 'Participants',
  input: screenShareInputSchema,
  output: screenSharePermissionsSchema,
  permission: 'participants.update',
  http: { method: 'POST', path: '/rooms/{roomName}/screen-share-permission/revoke' },
  audit: {
    action: 'participants.screen_share_revoked',
    params: ({ participants }) => ({ participants }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  act: (_context, { roomName, participants }) => setScreenShare(roomName, participants, false),
});
