import type { ActionResult } from '@/lib/actions/action-result';
import type { ErrorCode as DomainErrorCode, FieldErrors } from '@/lib/contracts/errors';

/** A server action's `{ ok: false }` answer, thrown so `useMutation`'s error path runs. */
export class ActionError extends Error {
  readonly code: DomainErrorCode | 'network_error';
  readonly fieldErrors?: FieldErrors;

  constructor(code: ActionError['code'], message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = 'ActionError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function isActionError(error: unknown, code?: ActionError['code']): error is ActionError {
  return error instanceof ActionError && (code === undefined || error.code === code);
}

/**
 * Awaits a server action and returns its data, or throws an `ActionError`. A rejected call (the
 * dashboard server is down, or the deployment changed under the page) becomes `network_error`.
 */
export async function unwrapAction<T>(call: Promise<ActionResult<T>>): Promise<T> {
  let result: ActionResult<T>;
  try {
    result = await call;
  } catch {
    throw new ActionError(
      'network_error',
      'The dashboard server could not be reached. Reload the page and try again.',
    );
  }
  if (!result.ok) {
    throw new ActionError(result.error.code, result.error.message, result.error.fieldErrors);
  }

  return result.data;
}
