/** A control-API call that did not answer 200, with the status and body the stand-in sent. */
export class StandinControlError extends Error {
  /** Twirp error code (`not_found`, `invalid_argument`, …) when the body is a Twirp error. */
  readonly code: string | undefined;
  /** Twirp error message when the body is a Twirp error. */
  readonly msg: string | undefined;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`stand-in control ${method} ${path} → ${status} ${body}`);
    this.name = 'StandinControlError';
    const twirp = parseTwirpError(body);
    this.code = twirp?.code;
    this.msg = twirp?.msg;
  }
}

function parseTwirpError(body: string): { code: string; msg: string } | undefined {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; msg?: unknown };
    if (typeof parsed.code === 'string' && typeof parsed.msg === 'string') {
      return { code: parsed.code, msg: parsed.msg };
    }
  } catch {
    // Plain-text answers (404 page not found, the auth 401s) carry no code.
  }
  return undefined;
}
