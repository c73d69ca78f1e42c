import 'server-only';

import { DomainError, httpStatusFor, type ErrorBody } from '@/lib/domain/errors';

/** `{ error: { code, message, fieldErrors? } }` with the mapped status. Never a stack or SDK text. */
export function errorResponse(err: unknown): Response {
  const domainError = toDomainError(err);
  const body: { error: ErrorBody } = {
    error: {
      code: domainError.code,
      message: domainError.message,
      ...(domainError.fieldErrors ? { fieldErrors: domainError.fieldErrors } : {}),
    },
  };
  return Response.json(body, {
    status: httpStatusFor(domainError.code),
    headers: { 'Cache-Control': 'no-store' },
  });
}

export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) {
    if (err.code === 'internal' || err.cause) logCause(err);
    return err;
  }
  console.error('[moderato] unexpected error', err);
  return new DomainError('internal', 'Something went wrong. The error was logged on the server.');
}

function logCause(err: DomainError): void {
  // Upstream details (LiveKit's message, the network error) are for operators, not clients.
  // One line per failure: the cause's own message (ECONNREFUSED, LiveKit's text), not its stack.
  const cause = err.cause instanceof Error ? describeCause(err.cause) : '';
  console.warn(`[moderato] ${err.code}: ${err.message}${cause ? ` (${cause})` : ''}`);
}

function describeCause(cause: Error): string {
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}
