/** Twirp error codes and their HTTP statuses (§1.5, twirp `ServerHTTPStatusFromErrorCode`). */
export const TWIRP_STATUS = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  data_loss: 500,
} as const;

export type TwirpCode = keyof typeof TWIRP_STATUS;

export class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    readonly msg: string,
    readonly meta: Record<string, string> = {},
  ) {
    super(msg);
  }

  get status(): number {
    return TWIRP_STATUS[this.code];
  }

  toJSON(): { code: string; msg: string; meta?: Record<string, string> } {
    // Twirp omits `meta` when empty (§1.5).
    return Object.keys(this.meta).length > 0
      ? { code: this.code, msg: this.msg, meta: this.meta }
      : { code: this.code, msg: this.msg };
  }
}

/**
 * Errors that travel through the real server's psrpc bus reach clients with the message
 * prefixed by `twirp error unknown: ` while keeping the mapped code (§1.5 item 2).
 */
export const rpcError = (code: TwirpCode, msg: string): TwirpError =>
  new TwirpError(code, `twirp error unknown: ${msg}`);

/** `twirp.InvalidArgumentError(arg, detail)`: msg `"<arg> <detail>"`, meta `argument` (§1.5). */
export const invalidArgument = (argument: string, detail: string): TwirpError =>
  new TwirpError('invalid_argument', `${argument} ${detail}`, { argument });

export const permissionsDenied = (): TwirpError =>
  new TwirpError('unauthenticated', 'permissions denied');

export const participantNotFound = (): TwirpError =>
  rpcError('not_found', 'participant does not exist');

export const roomNotFound = (): TwirpError =>
  rpcError('not_found', 'requested room does not exist');

export const noResponseFromServers = (): TwirpError =>
  rpcError('unavailable', 'no response from servers');

export const badRoute = (msg: string, method: string, path: string): TwirpError =>
  new TwirpError('bad_route', msg, { twirp_invalid_route: `${method} ${path}` });
