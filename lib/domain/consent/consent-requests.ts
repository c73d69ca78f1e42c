import 'server-only';

import { randomUUID } from 'node:crypto';

import { queryAuditEvents } from '@/lib/db/audit';
import { answerAction, REQUEST_ACTIONS, type ConsentRequest } from '@/lib/contracts/consent';

/**
 * Consent requests live in the audit log: the request's row carries its `requestId`, so an answer
 * can be checked against what was really asked (and of whom) on any instance, with no table of
 * its own.
 */

/** An answer later than this is not paired with its request: apps answer while the prompt shows. */
export const ANSWER_WINDOW_MS = 60 * 60 * 1000;

/** How many of a participant's recent rows are searched; far more than anyone asks in an hour. */
const SEARCH_LIMIT = 500;

export const newRequestId = (): string => randomUUID();

interface Ref {
  roomName: string;
  identity: string;
  requestId: string;
}

async function hasRow(action: string | string[], ref: Ref, fromMs: number): Promise<boolean> {
  for (const name of Array.isArray(action) ? action : [action]) {
    const page = await queryAuditEvents({
      action: name,
      roomName: ref.roomName,
      identity: ref.identity,
      outcome: 'success',
      fromMs,
      limit: SEARCH_LIMIT,
    });
    if (page.events.some((event) => event.params?.requestId === ref.requestId)) return true;
  }
  return false;
}

/** Whether this request was sent to this participant in this room within the answer window. */
export function wasRequested(request: ConsentRequest, ref: Ref, nowMs = Date.now()) {
  return hasRow(REQUEST_ACTIONS[request], ref, nowMs - ANSWER_WINDOW_MS);
}

/** Whether an answer to it is already recorded (several watchers relay the same packet). */
export function wasAnswered(request: ConsentRequest, ref: Ref, nowMs = Date.now()) {
  return hasRow(
    [answerAction(request, true), answerAction(request, false)],
    ref,
    nowMs - ANSWER_WINDOW_MS,
  );
}
