import 'server-only';

import pLimit from 'p-limit';

import { microphoneRestrictionsSchema } from '@/lib/contracts/moderation-commands';
import { listMicTakings, saveMicRestriction } from '@/lib/db/microphone-restrictions';
import * as livekit from '@/lib/livekit/room-service';
import { enableMicrophoneRestrictionsInputSchema } from '@/lib/schemas/moderation-commands';

import { defineOperation } from '../operation';
import { announceRestrictions } from './announce-restrictions';
import { describeRestrictions } from './describe-restrictions';
import { giveBack, isUnrestricted, restrictParticipant } from './microphone-restriction-rules';
import { moderatorName } from './moderator-identity';

const CONCURRENCY = 8;

/**
 * OpenTalk's `enable_microphone_restrictions`: only the listed identities may use their
 * microphone. Everyone else in the room has their microphone muted and MICROPHONE taken from their
 * publish rights (every other permission field untouched); what was taken is stored, so disabling
 * gives exactly that back. The allow-list is stored first, so live enforcement
 * (lib/live/microphone-restriction-enforcer.ts) restricts whoever joins or republishes from then on,
 * even while this call is still going through the room. Enabling again replaces the allow-list:
 * those now allowed get their microphone back.
 */
export const enableMicrophoneRestrictions = defineOperation({
  name: 'enableMicrophoneRestrictions',
  summary: 'Restrict microphones to an allow-list',
  description:
    'Everyone not in `unrestrictedParticipants` is muted and loses MICROPHONE from `canPublishSources` (other permission fields unchanged), now and whenever they join or publish later, until disabled. Everyone in the room receives `microphone_restrictions_enabled` on topic `moderato.microphone-restrictions`.',
  tag: 'Rooms',
  input: enableMicrophoneRestrictionsInputSchema,
  output: microphoneRestrictionsSchema,
  permission: 'participants.update',
  http: { method: 'PUT', path: '/rooms/{roomName}/microphone-restrictions' },
  audit: {
    action: 'room.microphone_restrictions_enabled',
    params: ({ unrestrictedParticipants }) => ({ unrestrictedParticipants }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ actor, auditParams }, { roomName, unrestrictedParticipants }) {
    const restriction = await saveMicRestriction({
      roomName,
      unrestricted: unrestrictedParticipants,
      enabledBy: moderatorName(actor),
    });
    const [participants, takings] = await Promise.all([
      livekit.listParticipants(roomName),
      listMicTakings(roomName),
    ]);
    const limit = pLimit(CONCURRENCY);
    const outcomes = await Promise.all([
      ...participants.map((p) =>
        limit(() => restrictParticipant(roomName, p.identity, restriction, { listed: p })),
      ),
      // Allowed now, restricted before: give the microphone back.
      ...takings
        .filter((t) => isUnrestricted(restriction, t.identity))
        .map((t) => limit(() => giveBack(roomName, t))),
    ]);
    auditParams.restricted = outcomes.filter((o) => o === 'restricted').length;
    await announceRestrictions(roomName, {
      message: 'microphone_restrictions_enabled',
      unrestricted_participants: restriction.unrestricted,
    });
    return describeRestrictions(roomName);
  },
});
