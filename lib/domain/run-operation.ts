import 'server-only';

import pLimit from 'p-limit';
import type { z } from 'zod';

import type { ErrorBody } from '@/lib/contracts/errors';

import type { Actor } from './actor';
import { recordAudit, type AuditTarget } from './audit';
import { DomainError } from './errors';
import { isRead, type Operation, type OperationContext } from './operation';
import { assertCan, visibleRoom } from './policy';
import { parseInput } from './validate';

/**
 * The one runner every door uses. The steps are fixed: parse the input → (the actor already carries
 * its scope: grants, tenant, rooms) → authorize (permission, then each named room's scope) → act →
 * audit → DTO. Writes are audited whatever happens: `success`, `denied` (no permission) or `error`
 * with its code — another tenant's room is recorded like a missing one (`not_found`), so the
 * masking holds in the log too. Bad input is refused before anything is attempted or recorded.
 */
export async function runOperation<I extends z.ZodType, O>(
  operation: Operation<I, O>,
  actor: Actor,
  rawInput: unknown,
): Promise<O> {
  const input = parseInput(operation.input, rawInput);
  const context = createContext(actor);
  try {
    const result = await authorizeAndAct(operation, context, input);
    if (!isRead(operation)) await audit(operation, context, input, { outcome: 'success' });
    return result;
  } catch (err) {
    const code = err instanceof DomainError ? err.code : 'internal';
    if (code === 'forbidden' || !isRead(operation)) {
      const outcome = code === 'forbidden' ? 'denied' : 'error';
      await audit(operation, context, input, { outcome, errorCode: code });
    }
    throw err;
  }
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
  options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<RunResult<O>[]> {
  const limit = pLimit(Math.max(1, options.concurrency ?? 8));
  return Promise.all(
    inputs.map((input) =>
      limit(async (): Promise<RunResult<O>> => {
        if (options.signal?.aborted) {
          return { ok: false, error: { code: 'conflict', message: 'Cancelled before it ran.' } };
        }
        try {
          return { ok: true, data: await runOperation(operation, actor, input) };
        } catch (err) {
          const error = err instanceof DomainError ? err : new DomainError('internal', 'Failed.');
          return { ok: false, error: { code: error.code, message: error.message } };
        }
      }),
    ),
  );
}

function createContext(actor: Actor): OperationContext {
  const context: OperationContext = {
    actor,
    auditParams: {},
    room: (roomName, options) => visibleRoom(actor, roomName, options),
    run: (inner, rawInput) => authorizeAndAct(inner, context, parseInput(inner.input, rawInput)),
  };
  return context;
}

async function authorizeAndAct<I extends z.ZodType, O>(
  operation: Operation<I, O>,
  context: OperationContext,
  input: z.output<I>,
): Promise<O> {
  assertCan(context.actor, operation.permission);
  for (const roomName of operation.rooms?.(input) ?? []) await context.room(roomName);
  return operation.act(context, input);
}

async function audit<I extends z.ZodType, O>(
  operation: Operation<I, O>,
  context: OperationContext,
  input: z.output<I>,
  result: { outcome: 'success' | 'denied' | 'error'; errorCode?: string },
): Promise<void> {
  const spec = operation.audit;
  const params = { ...spec.params?.(input), ...context.auditParams };
  await recordAudit({
    actor: context.actor,
    action: typeof spec.action === 'function' ? spec.action(input) : spec.action,
    target: spec.target ? spec.target(input) : defaultTarget(input),
    params: Object.keys(params).length > 0 ? params : undefined,
    ...result,
  });
}

function defaultTarget(input: unknown): AuditTarget {
  const fields = (input ?? {}) as Record<string, unknown>;
  const pick = (key: string) => (typeof fields[key] === 'string' ? fields[key] : undefined);
  return { roomName: pick('roomName'), identity: pick('identity'), trackSid: pick('trackSid') };
}
