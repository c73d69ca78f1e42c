import 'server-only';

import { httpStatusFor, type ErrorBody } from '@/lib/contracts/errors';
import { DomainError } from '@/lib/domain/errors';

/** `{ error: { code, message, fieldErrors? } }` with the mapped status. Never a stack or SDK text. */
export function errorResponse(err: unknown, headers?: HeadersInit): Response {
  const body = toErrorBody(err);
  return Response.json(
    { error: body },
    {
      status: httpStatusFor(body.code),
      headers: { 'Cache-Control': 'no-store', ...retryAfter(err), ...headers },
    },
  );
}

/** A rate-limited caller is told when to come back (RFC 9110 §10.2.3). */
export function retryAfter(err: unknown): Record<string, string> {
  const seconds = err instanceof DomainError ? err.retryAfterSeconds : undefined;
  return seconds === undefined ? {} : { 'Retry-After': String(seconds) };
}

/** The client-safe description of any failure; unexpected ones are logged and become `internal`. */
export function toErrorBody(err: unknown): ErrorBody {
  const { code, message, fieldErrors } = toDomainError(err);
  return { code, message, ...(fieldErrors ? { fieldErrors } : {}) };
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
