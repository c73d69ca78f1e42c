import type { ErrorCode, FieldErrors } from '@/lib/contracts/errors';

/** The codes and their statuses are data in lib/contracts/errors.ts; this is the server's throwable. */
export type DomainErrorCode = ErrorCode;
export type { ErrorBody, FieldErrors } from '@/lib/contracts/errors';
export { httpStatusFor } from '@/lib/contracts/errors';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** For `rate_limited`: when the caller may try again (the HTTP `Retry-After` header). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: DomainErrorCode,
    message: string,
    options?: { fieldErrors?: FieldErrors; cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}
