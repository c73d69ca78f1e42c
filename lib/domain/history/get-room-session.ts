import 'server-only';

import { roomSessionDetailSchema } from '@/lib/contracts/history';
import { listParticipantSessions } from '@/lib/db/history';
import { roomSessionRefInputSchema } from '@/lib/schemas/history';

import { defineOperation } from '../operation';

import { visibleSession } from './history-scope';

/** One room session with every participant session in it, in join order. */
export const getRoomSession = defineOperation({
  name: 'getRoomSession',
  summary: 'Get a room session',
  description:
    'A recorded room session (by LiveKit room sid) and its participant sessions: join, leave, duration and LiveKit’s leave reason.',
  tag: 'Rooms',
  input: roomSessionRefInputSchema,
  output: roomSessionDetailSchema,
  permission: 'rooms.read',
  http: { method: 'GET', path: '/history/rooms/{roomSid}' },
  audit: { action: 'history.read', target: () => ({}) },
  errors: ['not_found'],
  async act({ actor }, { roomSid }) {
    const session = await visibleSession(actor, roomSid);
    return { session, participants: await listParticipantSessions(session.roomSid) };
  },
});
