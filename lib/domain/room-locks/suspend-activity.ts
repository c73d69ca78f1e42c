import 'server-only';

import { suspensionResultSchema } from '@/lib/contracts/room-locks';
import { saveSuspension } from '@/lib/db/room-locks';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import { runInBulk, type BulkItem } from '../bulk/run-in-bulk';
import { moderatorName } from '../moderation/moderator-identity';
import { defineOperation } from '../operation';
import { describeRoomLock, exemptReason } from './lock-rules';
import { sealRoom } from './seal-room';
import { suspendParticipantStep } from './suspension-steps';

/**
 * Zoom's "Suspend participant activities", for a LiveKit room: lock it (unless it is locked
 * already), then, for everyone but moderators, agents, egress and recorders, mute every
 * microphone, camera and screen share and take the publish rights (`canPublish`,
 * `canPublishData`), recording what each had (suspension-rules.ts). One audit row per participant
 * plus this one; BULK_CONCURRENCY participants at a time. Suspending a suspended room suspends
 * whoever was let in since (the allow-listed) and is otherwise harmless.
 */
export const suspendActivity = defineOperation({
  name: 'suspendActivity',
  summary: 'Suspend a room’s activity',
  description:
    'Emergency stop: locks the room (if it is not locked), mutes every microphone, camera and screen share of everyone but moderators, agents, egress and recorders, and takes their publish rights (`canPublish`, `canPublishData` become false; every other permission field is kept). What was taken is stored per participant, so resumeActivity gives back exactly that. Answers the lock and a per-participant report.',
  tag: 'Rooms',
  input: roomRefInputSchema,
  output: suspensionResultSchema,
  permission: 'rooms.lock',
  http: { method: 'POST', path: '/rooms/{roomName}/suspend' },
  audit: { action: 'room.suspended' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(context, { roomName }) {
    const { tenant } = await context.room(roomName);
    const { lock, participants } = await sealRoom(roomName, tenant, () =>
      saveSuspension({ roomName, tenant, suspendedBy: moderatorName(context.actor) }),
    );
    context.auditParams.lockedBySuspension = lock.unlockOnResume;
    const skipped: { identity: string; reason: string }[] = [];
    const items: BulkItem[] = [];
    for (const participant of participants) {
      const { identity } = participant;
      const reason = exemptReason(participant);
      if (reason) skipped.push({ identity, reason });
      else items.push({ identity, trackSid: null, input: { roomName, identity } });
    }
    const report = await runInBulk(
      context,
      { roomName, action: 'room.suspended' },
      suspendParticipantStep,
      items,
      { skipped, missing: [] },
    );
    return { lock: await describeRoomLock(roomName), report };
  },
});
