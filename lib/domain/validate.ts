import 'server-only';

import type { z } from 'zod';

import { plainIssueMessage } from '@/lib/schemas/plain-messages';

import { DomainError, type FieldErrors } from './errors';

/**
 * Step 1 of every operation: doors hand over raw input, validation happens here only. A value that
 * makes a schema throw instead of reporting an issue (hostile server-action arguments) is bad input
 * too, never an internal error. Messages are plain words naming the field (`plainIssueMessage`);
 * the answer's `message` is the first of them, `fieldErrors` has them all by dotted path.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  let result: z.ZodSafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(input, { error: plainIssueMessage }) as z.ZodSafeParseResult<
      z.output<S>
    >;
  } catch {
    throw new DomainError('invalid_input', 'The input could not be read.');
  }
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  const problems: string[] = [];
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    const messages = (fieldErrors[key] ??= []);
    // Two checks of one field can word the same problem alike (a byte limit and a length limit
    // on a short string): it is one problem, said once.
    if (messages.includes(issue.message)) continue;
    messages.push(issue.message);
    problems.push(issue.message);
  }
  throw new DomainError('invalid_input', summary(problems), { fieldErrors });
}

/** "Max participants must be 0 or more (and 2 more problems)." */
function summary(problems: readonly string[]): string {
  const first = problems[0] ?? 'The input is not valid';
  const more = problems.length - 1;
  const rest = more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : '';

  return /[.!?]$/.test(first) && !rest ? first : `${first.replace(/[.!?]$/, '')}${rest}.`;
}
