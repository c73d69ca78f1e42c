import 'server-only';

import { ANSWER_ACTIONS, answerAction } from '@/lib/contracts/consent';
import { recordConsentAnswerInputSchema } from '@/lib/schemas/participants';
import { CONSENT_ANSWER_TOPIC } from '@/lib/schemas/protocol';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';
import { wasAnswered, wasRequested } from './consent-requests';

/**
 * Puts a participant's answer to "Ask to unmute" / "Ask to turn on camera" on the room's timeline.
 * LiveKit never hands data packets to servers, so whoever hears the answer relays it: the watch
 * view of a moderator in the room does so by itself, a portal's backend can too. The answer must
 * match a request really sent to that participant in that room within the hour (else 404); a
 * second relay of the same answer (two moderators watching) is refused with 409 and left off the
 * timeline (lib/contracts/timeline-entry.ts).
 */
export const recordConsentAnswer = defineOperation({
  name: 'recordConsentAnswer',
  summary: 'Record a participant’s answer to a request',
  description: `Records the answer a participant’s app sent on topic \`${CONSENT_ANSWER_TOPIC}\` to an unmute or camera request sent within the last hour: 404 when no such request was sent to them, 409 when its answer is already recorded.`,
  tag: 'Tracks',
  input: recordConsentAnswerInputSchema,
  output: null,
  permission: 'tracks.mute',
  http: { method: 'POST', path: '/rooms/{roomName}/participants/{identity}/consent-answers' },
  audit: {
    action: ({ request, accepted }) => answerAction(request, accepted),
    actions: ANSWER_ACTIONS,
    params: ({ requestId }) => ({ requestId }),
  },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found', 'conflict'],
  async act(_context, { roomName, identity, requestId, request }) {
    const ref = { roomName, identity, requestId };
    if (!(await wasRequested(request, ref))) {
      throw new DomainError(
        'not_found',
        `No ${request} request ${requestId} was sent to ${identity} in ${roomName} within the last hour.`,
      );
    }
    if (await wasAnswered(request, ref)) {
      throw new DomainError('conflict', `The answer to request ${requestId} is already recorded.`);
    }
    return null;
  },
});
