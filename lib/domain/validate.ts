import 'server-only';

import type { z } from 'zod';

import { DomainError, type FieldErrors } from './errors';

/**
 * Step 1 of every operation: doors hand over raw input, validation happens here only. A value that
 * makes a schema throw instead of reporting an issue (hostile server-action arguments) is bad input
 * too, never an internal error.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  let result: z.ZodSafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(input) as z.ZodSafeParseResult<z.output<S>>;
  } catch {
    throw new DomainError('invalid_input', 'Invalid input.');
  }
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = result.error.issues[0];
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  throw new DomainError(
    'invalid_input',
    `Invalid input — ${where}${first?.message ?? 'bad value'}`,
    { fieldErrors },
  );
}
