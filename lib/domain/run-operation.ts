import 'server-only';

import pLimit from 'p-limit';
import type { z } from 'zod';

import type { ErrorBody } from '@/lib/contracts/errors';

import type { Actor } from './actor';
import {
  type AuditAttempt,
  type AuditSettlement,
  type AuditTarget,
  beginAudit,
  recordAudit,
  type SettleAudit,
} from './audit';
import { notifyAuditObservers } from './audit-observers';
import { DomainError } from './errors';
import { isRead, type Operation, type OperationContext } from './operation';
import { assertCan, visibleRoom } from './policy';
import { parseInput } from './validate';

/**
 * The one runner every door uses. The steps are fixed: parse the input → (the actor already carries
 * its scope: grants, tenant, rooms) → authorize the permission → record the attempt → room scope →
 * act → record the outcome → DTO. Writes are audited write-ahead: the row is written as `pending`
 * before LiveKit or the store is asked anything, and the write is refused (`audit_unavailable`)
 * when that row cannot be written; afterwards it is settled to `success`, `denied` or `error` with
 * its code — another tenant's room is recorded like a missing one (`not_found`), so the masking
 * holds in the log too. A missing permission is one `denied` row, as nothing is attempted. Reads
 * are audited only when refused. Bad input is refused before anything is attempted or recorded.
 */
export async function runOperation<I extends z.ZodType, O>(
  operation: Operation<I, O>,
  actor: Actor,
  rawInput: unknown,
): Promise<O> {
  const input = parseInput(operation.input, rawInput);
  const context = createContext(actor);
  const attempt = () => describeAttempt(operation, context, input);
  try {
    assertCan(actor, operation.permission);
  } catch (err) {
    await recordAudit({ ...attempt(), outcome: 'denied', errorCode: 'forbidden' });
    notifyAuditObservers({
      ...attempt(),
      outcome: 'denied',
      errorCode: 'forbidden',
      atMs: Date.now(),
    });
    throw err;
  }
  const read = isRead(operation);
  const settle = read ? auditRefusalOnly(attempt) : await beginAudit(attempt());
  let result: O;
  try {
    result = await scopeAndAct(operation, context, input);
  } catch (err) {
    const code = err instanceof DomainError ? err.code : 'internal';
    const outcome = code === 'forbidden' ? 'denied' : 'error';
    await settle({ outcome, errorCode: code, params: attempt().params ?? null });
    if (!read || outcome === 'denied') {
      notifyAuditObservers({ ...attempt(), outcome, errorCode: code, atMs: Date.now() });
    }
    throw err;
  }
  // Facts learnt while acting (context.auditParams) join the row with its outcome.
  await settle({ outcome: 'success', params: attempt().params ?? null });
  // Live updates hear of the write now, not at the next webhook or reconciliation.
  if (!read) notifyAuditObservers({ ...attempt(), outcome: 'success', atMs: Date.now() });
  return result;
}

export type RunResult<O> = { ok: true; data: O } | { ok: false; error: ErrorBody };

/**
 * Runs one operation for many inputs (a bulk action's targets), at most `concurrency` at a time.
 * Each target is authorized and audited on its own; one failure never stops the others.
 */
export async function runForEach<I extends z.ZodType, O>(
  operation: Operation<I, O>,
  actor: Actor,
  inputs: readonly unknown[],
  options: {
    concurrency?: number;
    signal?: AbortSignal;
    /** Called as each input settles (progress), with its index; not for cancelled ones. */
    onSettled?: (index: number, result: RunResult<O>) => void;
  } = {},
): Promise<RunResult<O>[]> {
  const limit = pLimit(Math.max(1, options.concurrency ?? 8));
  return Promise.all(
    inputs.map((input, index) =>
      limit(async (): Promise<RunResult<O>> => {
        if (options.signal?.aborted) {
          return { ok: false, error: { code: 'conflict', message: CANCELLED_MESSAGE } };
        }
        let result: RunResult<O>;
        try {
          result = { ok: true, data: await runOperation(operation, actor, input) };
        } catch (err) {
          const error = err instanceof DomainError ? err : new DomainError('internal', 'Failed.');
          result = { ok: false, error: { code: error.code, message: error.message } };
        }
        options.onSettled?.(index, result);
        return result;
      }),
    ),
  );
}

/** The error of an input runForEach never ran because its signal was aborted. */
export const CANCELLED_MESSAGE = 'Cancelled before it ran.';

function createContext(actor: Actor): OperationContext {
  const context: OperationContext = {
    actor,
    auditParams: {},
    room: (roomName, options) => visibleRoom(actor, roomName, options),
    // A composed step is checked like a call of its own, but the outer operation's row is its
    // only record: one action, one row.
    run: async (inner, rawInput) => {
      const input = parseInput(inner.input, rawInput);
      assertCan(actor, inner.permission);
      return scopeAndAct(inner, context, input);
    },
  };
  return context;
}

async function scopeAndAct<I extends z.ZodType, O>(
  operation: Operation<I, O>,
  context: OperationContext,
  input: z.output<I>,
): Promise<O> {
  for (const roomName of operation.rooms?.(input) ?? []) await context.room(roomName);
  return operation.act(context, input);
}

/** A read leaves no row unless it is refused (polling must not flood the log). */
function auditRefusalOnly(attempt: () => AuditAttempt): SettleAudit {
  return async (settlement: AuditSettlement) => {
    if (settlement.outcome === 'denied') {
      await recordAudit({
        ...attempt(),
        outcome: 'denied',
        errorCode: settlement.errorCode ?? undefined,
      });
    }
  };
}

function describeAttempt<I extends z.ZodType, O>(
  operation: Operation<I, O>,
  context: OperationContext,
  input: z.output<I>,
): AuditAttempt {
  const spec = operation.audit;
  const params = { ...spec.params?.(input), ...context.auditParams };
  return {
    actor: context.actor,
    action: typeof spec.action === 'function' ? spec.action(input) : spec.action,
    target: spec.target ? spec.target(input) : defaultTarget(input),
    params: Object.keys(params).length > 0 ? params : undefined,
  };
}

function defaultTarget(input: unknown): AuditTarget {
  const fields = (input ?? {}) as Record<string, unknown>;
  const pick = (key: string) => (typeof fields[key] === 'string' ? fields[key] : undefined);
  return { roomName: pick('roomName'), identity: pick('identity'), trackSid: pick('trackSid') };
}
