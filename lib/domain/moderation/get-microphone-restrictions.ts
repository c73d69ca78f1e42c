import 'server-only';

import { microphoneRestrictionsSchema } from '@/lib/contracts/moderation-commands';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import { defineOperation } from '../operation';
import { describeRestrictions } from './describe-restrictions';

/** The room's microphone restrictions, with OpenTalk's `microphone_restriction_state` verbatim. */
export const getMicrophoneRestrictions = defineOperation({
  name: 'getMicrophoneRestrictions',
  summary: 'Get a room’s microphone restrictions',
  description:
    '`microphone_restriction_state` is OpenTalk’s MicrophoneRestrictionState; `restricted` lists whose microphone right the restrictions took.',
  tag: 'Rooms',
  input: roomRefInputSchema,
  output: microphoneRestrictionsSchema,
  permission: 'rooms.read',
  http: { method: 'GET', path: '/rooms/{roomName}/microphone-restrictions' },
  audit: { action: 'room.microphone_restrictions_read' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  act: (_context, { roomName }) => describeRestrictions(roomName),
});
