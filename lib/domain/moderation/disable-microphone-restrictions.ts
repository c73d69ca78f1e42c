import 'server-only';

import pLimit from 'p-limit';

import { microphoneRestrictionsSchema } from '@/lib/contracts/moderation-commands';
import { deleteMicRestriction, listMicTakings } from '@/lib/db/microphone-restrictions';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import { defineOperation } from '../operation';
import { announceRestrictions } from './announce-restrictions';
import { describeRestrictions } from './describe-restrictions';
import { giveBack } from './microphone-restriction-rules';

const CONCURRENCY = 8;

/**
 * OpenTalk's `disable_microphone_restrictions`: enforcement stops first (the stored restriction
 * goes), then each participant gets back exactly what was taken from them and nothing else. A
 * taking is forgotten only once given back, so a call cut short by a LiveKit outage can simply be
 * repeated.
 */
export const disableMicrophoneRestrictions = defineOperation({
  name: 'disableMicrophoneRestrictions',
  summary: 'Lift microphone restrictions',
  description:
    'Gives every restricted participant exactly the microphone right the restrictions took, and nothing else. Everyone in the room receives `microphone_restrictions_disabled` on topic `moderato.microphone-restrictions`. Repeating it is harmless.',
  tag: 'Rooms',
  input: roomRefInputSchema,
  output: microphoneRestrictionsSchema,
  permission: 'participants.update',
  http: { method: 'DELETE', path: '/rooms/{roomName}/microphone-restrictions' },
  audit: { action: 'room.microphone_restrictions_disabled' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ auditParams }, { roomName }) {
    const wasEnabled = await deleteMicRestriction(roomName);
    const takings = await listMicTakings(roomName);
    const limit = pLimit(CONCURRENCY);
    const outcomes = await Promise.all(takings.map((t) => limit(() => giveBack(roomName, t))));
    auditParams.restored = outcomes.filter((o) => o === 'restored').length;
    if (wasEnabled || takings.length > 0) {
      await announceRestrictions(roomName, { message: 'microphone_restrictions_disabled' });
    }
    return describeRestrictions(roomName);
  },
});
