import 'server-only';

import { suspensionResultSchema } from '@/lib/contracts/room-locks';
import { clearSuspension, deleteRoomLock, listSuspensionTakings } from '@/lib/db/room-locks';
import { roomRefInputSchema } from '@/lib/schemas/rooms';

import { runInBulk } from '../bulk/run-in-bulk';
import { defineOperation } from '../operation';
import { describeRoomLock } from './lock-rules';
import { resumeParticipantStep } from './suspension-steps';

/**
 * Ends a suspension: the suspension ends first (so a suspend step still running gives its change
 * back itself), the room is unlocked when the suspension locked it, then every participant gets
 * back exactly what was taken and nothing else. A taking is forgotten only once given back, so a
 * resume cut short by a LiveKit outage can simply be repeated.
 */
export const resumeActivity = defineOperation({
  name: 'resumeActivity',
  summary: 'Resume a room’s activity',
  description:
    'Gives every suspended participant back exactly the publish rights the suspension took (fields changed by someone else meanwhile are merged, never reset), and unlocks the room when the suspension locked it. Nobody is unmuted: participants publish again themselves. Repeating it is harmless.',
  tag: 'Rooms',
  input: roomRefInputSchema,
  output: suspensionResultSchema,
  permission: 'rooms.lock',
  http: { method: 'POST', path: '/rooms/{roomName}/resume' },
  audit: { action: 'room.resumed' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act(context, { roomName }) {
    const before = await clearSuspension(roomName);
    const unlock = before?.unlockOnResume === true && before.suspendedAtMs !== null;
    if (unlock) await deleteRoomLock(roomName);
    context.auditParams.unlocked = unlock;
    const takings = await listSuspensionTakings(roomName);
    const items = takings.map(({ identity }) => ({
      identity,
      trackSid: null,
      input: { roomName, identity },
    }));
    const report = await runInBulk(
      context,
      { roomName, action: 'room.resumed' },
      resumeParticipantStep,
      items,
      { skipped: [], missing: [] },
    );
    return { lock: await describeRoomLock(roomName), report };
  },
});
