import { z } from 'zod';

/**
 * The one table of error codes every door speaks, with its HTTP status. Adapters map them to HTTP
 * answers or action results; nothing else (no SDK message, no stack) ever reaches a client.
 */
export const ERROR_CODES = {
  /** The request body or params failed validation, or the JSON could not be read. */
  invalid_input: { status: 400, summary: 'The input is malformed or fails validation.' },
  /** No valid session or API key. */
  unauthenticated: { status: 401, summary: 'No valid session or API key.' },
  /** Signed in, but the caller lacks the permission. */
  forbidden: { status: 403, summary: 'The caller lacks the permission.' },
  /** Unknown room/participant/track/user — also used to mask another tenant's room. */
  not_found: {
    status: 404,
    summary: 'Not found — also the answer for another tenant’s room or user.',
  },
  /** The HTTP method is not supported on this path. */
  method_not_allowed: { status: 405, summary: 'The method is not supported on this path.' },
  /** The target already exists / conflicts with the current state. */
  conflict: { status: 409, summary: 'Already exists, or conflicts with the current state.' },
  /** The target is in a state that forbids the action (e.g. remote unmute disabled). */
  failed_precondition: {
    status: 412,
    summary: 'LiveKit refuses in the current state (e.g. remote unmute is disabled).',
  },
  /** The body is larger than the door accepts. */
  payload_too_large: { status: 413, summary: 'The request body is too large.' },
  /** The body is not JSON. */
  unsupported_media_type: { status: 415, summary: 'Send the body as application/json.' },
  /** Too many requests. */
  rate_limited: { status: 429, summary: 'Too many requests; retry later.' },
  /** Anything unexpected; details are logged server-side only. */
  internal: { status: 500, summary: 'Unexpected error; details are in the server log.' },
  /** The LiveKit server does not implement this (e.g. Move/Forward on self-hosted). */
  not_implemented: { status: 501, summary: 'The LiveKit server does not support this.' },
  /** LiveKit rejected our API key or grant: the dashboard's LiveKit config is wrong. */
  upstream_misconfigured: {
    status: 502,
    summary: 'LiveKit rejected the dashboard’s credentials or configuration.',
  },
  /** LiveKit is unreachable, timed out, or answered 5xx. */
  upstream_unavailable: { status: 503, summary: 'LiveKit is unreachable or failing.' },
  /** This instance is stopping, and opens no new live stream: another instance will. */
  shutting_down: { status: 503, summary: 'This instance is shutting down; retry.' },
  /** A write could not be recorded in the audit log first, so it was not attempted. */
  audit_unavailable: {
    status: 503,
    summary: 'The audit log could not be written, so nothing was done; retry later.',
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

export function httpStatusFor(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

export type FieldErrors = Record<string, string[]>;

export const errorBodySchema = z.object({
  code: z.enum(ERROR_CODE_LIST as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  /** Per-field messages, keyed by the dotted path of the field. */
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});

/** The JSON shape of every error a client sees (REST body `{ error }`, action result `error`). */
export type ErrorBody = z.infer<typeof errorBodySchema>;
