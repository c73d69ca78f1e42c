import 'server-only';

import { findSuspensionTaking } from '@/lib/db/room-locks';
import { participantRefInputSchema } from '@/lib/schemas/rooms';

import { defineOperation } from '../operation';
import { resumeParticipant, suspendParticipant } from './suspension-rules';

/**
 * The per-participant steps of suspendActivity and resumeActivity. They are operations so that
 * runInBulk (lib/domain/bulk/run-in-bulk.ts) runs them with bounded concurrency, authorized and
 * audited one row per participant, with a per-participant report; they are **not** in the
 * registry: nobody calls them on their own, and no door serves them (`http` is required by the
 * type, never routed).
 */
export const SUSPENSION_STEP_AUDIT_ACTIONS = ['participant.suspended', 'participant.resumed'];

export const suspendParticipantStep = defineOperation({
  name: 'suspendParticipant',
  summary: 'Suspend one participant (a step of suspendActivity)',
  tag: 'Participants',
  input: participantRefInputSchema,
  output: null,
  permission: 'rooms.lock',
  http: { method: 'POST', path: '/rooms/{roomName}/participants/{identity}/suspend' },
  audit: { action: 'participant.suspended' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ auditParams }, { roomName, identity }) {
    const { outcome, taking, muted } = await suspendParticipant(roomName, identity);
    auditParams.outcome = outcome;
    auditParams.mutedTracks = muted.length;
    if (taking) {
      auditParams.previous = taking.previous;
      auditParams.applied = taking.applied;
    }
    return null;
  },
});

export const resumeParticipantStep = defineOperation({
  name: 'resumeParticipant',
  summary: 'Give one participant back what a suspension took (a step of resumeActivity)',
  tag: 'Participants',
  input: participantRefInputSchema,
  output: null,
  permission: 'rooms.lock',
  http: { method: 'POST', path: '/rooms/{roomName}/participants/{identity}/resume' },
  audit: { action: 'participant.resumed' },
  rooms: ({ roomName }) => [roomName],
  errors: ['not_found'],
  async act({ auditParams }, { roomName, identity }) {
    const taking = await findSuspensionTaking(roomName, identity);
    if (!taking) {
      auditParams.outcome = 'unchanged';
      return null;
    }
    const { outcome, restored } = await resumeParticipant(roomName, taking);
    auditParams.outcome = outcome;
    if (restored) auditParams.restored = restored;
    return null;
  },
});
