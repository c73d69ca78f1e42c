import 'server-only';

import { TwirpError } from 'livekit-server-sdk';

import { DomainError } from '@/lib/domain/errors';

import { livekitHost } from './client';

/**
 * Turns anything the SDK throws into a DomainError whose message is ours. LiveKit's own messages
 * (and stack traces) stay in the server log; the moderator gets a sentence that says what to do.
 */
export function mapLiveKitError(err: unknown, what: string): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof TwirpError) {
    const code = err.code;
    const status = err.status;
    // A 401/403 from LiveKit means *our* key or grant is wrong, never the moderator's session.
    if (
      status === 401 ||
      status === 403 ||
      code === 'unauthenticated' ||
      code === 'permission_denied'
    ) {
      return new DomainError(
        'upstream_misconfigured',
        'LiveKit rejected Moderato’s API key. Check LIVEKIT_API_KEY and LIVEKIT_API_SECRET.',
        { cause: err },
      );
    }
    if (code === 'not_found')
      return new DomainError('not_found', `${what} not found.`, { cause: err });
    if (code === 'invalid_argument' || code === 'malformed' || code === 'out_of_range') {
      return new DomainError(
        'invalid_input',
        `LiveKit refused the request: ${safeDetail(err.message)}`,
        {
          cause: err,
        },
      );
    }
    if (code === 'failed_precondition') {
      return new DomainError('failed_precondition', preconditionMessage(err.message), {
        cause: err,
      });
    }
    if (code === 'already_exists' || code === 'aborted') {
      return new DomainError('conflict', `${what} already exists or changed meanwhile.`, {
        cause: err,
      });
    }
    if (code === 'resource_exhausted') {
      return new DomainError(
        'rate_limited',
        'LiveKit is rate limiting requests. Try again shortly.',
        {
          cause: err,
        },
      );
    }
    // Self-hosted LiveKit answers Move/Forward with a plain `not implemented` (500 unknown).
    if (code === 'unimplemented' || /not implemented/i.test(err.message)) {
      return new DomainError(
        'not_implemented',
        'This LiveKit server does not support that action.',
        {
          cause: err,
        },
      );
    }
    if (code === 'unavailable' || code === 'deadline_exceeded' || status === 503) {
      return new DomainError(
        'upstream_unavailable',
        `LiveKit did not respond about ${what.toLowerCase()}.`,
        {
          cause: err,
        },
      );
    }
    if (status >= 500) {
      return new DomainError(
        'upstream_unavailable',
        `LiveKit failed (${status}). Try again shortly.`,
        {
          cause: err,
        },
      );
    }
    return new DomainError('internal', 'LiveKit returned an unexpected error.', { cause: err });
  }
  if (isTransportError(err)) {
    // Every role reads this message, and LiveKit's address is for admins only (the status DTO's
    // `host`). The server log keeps it: the cause is logged with the error (lib/http/respond.ts).
    const host = livekitHost() ?? 'the configured URL';
    return new DomainError(
      'upstream_unavailable',
      'Moderato can’t reach LiveKit. Check that the server is running and LIVEKIT_URL is right.',
      {
        cause: new Error(`LiveKit at ${host}: ${err.message}`, { cause: err.cause }),
      },
    );
  }
  return new DomainError('internal', 'Something went wrong.', { cause: err });
}

function isTransportError(err: unknown): err is Error {
  if (!(err instanceof Error)) return false;
  // fetch() rejects with TypeError('fetch failed') (cause ECONNREFUSED, ENOTFOUND…); timeouts
  // raise a DOMException named TimeoutError / AbortError.
  return err.name === 'TimeoutError' || err.name === 'AbortError' || err instanceof TypeError;
}

function preconditionMessage(message: string): string {
  if (/remote unmute/i.test(message)) {
    return 'This LiveKit server does not allow remote unmute (room.enable_remote_unmute is off).';
  }
  return `LiveKit refused: ${safeDetail(message)}`;
}

/** LiveKit's validation messages are safe and useful ("metadata size exceeds limits 524288"). */
function safeDetail(message: string): string {
  return message.replace(/^twirp error unknown: /, '').slice(0, 200);
}
