'use server';

import { resolveCaller } from '@/lib/callers/resolve-caller';
import { DomainError } from '@/lib/domain/errors';
import {
  findOperation,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from '@/lib/domain/registry';
import { runOperation } from '@/lib/domain/run-operation';
import { toErrorBody } from '@/lib/http/respond';

import type { ActionResult } from './action-result';

/**
 * The UI's one server action: runs any operation of the registry by name. One generic entry point
 * rather than a generated wrapper per operation, because a new operation then needs no file here,
 * there is a single action id to protect and test, and the name is checked against the registry at
 * run time (unknown → invalid_input) while TypeScript types the input and output per name.
 * Authorization, validation and audit are the runner's; this only resolves the caller and turns
 * errors into values (Next's guidance: expected failures are results, not throws).
 */
export async function runOperationAction<N extends OperationName>(
  name: N,
  input: OperationInput<N>,
): Promise<ActionResult<OperationOutput<N>>> {
  try {
    const operation = findOperation(name);
    if (!operation) throw new DomainError('invalid_input', 'Unknown operation.');
    const actor = await resolveCaller({ source: 'ui' });
    if (!actor) throw new DomainError('unauthenticated', 'Your session has ended. Sign in again.');
    const data = (await runOperation(operation, actor, input)) as OperationOutput<N>;
    return { ok: true, data };
  } catch (err) {
    return { ok: false, error: toErrorBody(err) };
  }
}
