/**
 * The one union of error codes the domain speaks. Adapters map them to HTTP statuses or action
 * results; nothing else (no SDK message, no stack) ever reaches a client.
 */
export const DOMAIN_ERROR_STATUS = {
  /** No valid session or API key. */
  unauthenticated: 401,
  /** Signed in, but the role lacks the permission. */
  forbidden: 403,
  /** Unknown room/participant/track — also used to mask another tenant's room. */
  not_found: 404,
  /** The request body or params failed validation. */
  invalid_input: 422,
  /** The target is in a state that forbids the action (e.g. remote unmute disabled). */
  failed_precondition: 412,
  /** The target already exists / conflicts. */
  conflict: 409,
  /** The LiveKit server does not implement this (e.g. Move/Forward on self-hosted). */
  not_implemented: 501,
  /** Too many requests. */
  rate_limited: 429,
  /** LiveKit rejected our API key or grant: the dashboard's LiveKit config is wrong. */
  upstream_misconfigured: 502,
  /** LiveKit is unreachable, timed out, or answered 5xx. */
  upstream_unavailable: 503,
  /** Anything unexpected; details are logged server-side only. */
  internal: 500,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fieldErrors?: FieldErrors;

  constructor(
    code: DomainErrorCode,
    message: string,
    options?: { fieldErrors?: FieldErrors; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
  }
}

export function httpStatusFor(code: DomainErrorCode): number {
  return DOMAIN_ERROR_STATUS[code];
}

/** The JSON shape of every error a client sees (REST body `{ error }`, action result `error`). */
export interface ErrorBody {
  code: DomainErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
}
