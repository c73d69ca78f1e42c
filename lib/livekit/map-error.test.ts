import { TwirpError } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';

import { DomainError } from '@/lib/domain/errors';

import { mapLiveKitError } from './map-error';

const twirp = (status: number, code: string | undefined, msg: string) =>
  new TwirpError('err', msg, status, code);

describe('mapLiveKitError', () => {
  it.each([
    [twirp(401, 'unauthenticated', 'permissions denied'), 'upstream_misconfigured'],
    // A plain-text 401 (bad key) has no code at all (docs/livekit-behaviour.md §1.4).
    [twirp(401, undefined, 'invalid API key'), 'upstream_misconfigured'],
    [twirp(404, 'not_found', 'twirp error unknown: participant does not exist'), 'not_found'],
    [twirp(400, 'invalid_argument', 'metadata size exceeds limits 524288'), 'invalid_input'],
    [
      twirp(412, 'failed_precondition', 'twirp error unknown: remote unmute not enabled'),
      'failed_precondition',
    ],
    [twirp(500, 'unknown', 'twirp error unknown: not implemented'), 'not_implemented'],
    [
      twirp(503, 'unavailable', 'twirp error unknown: no response from servers'),
      'upstream_unavailable',
    ],
    [twirp(502, undefined, 'Bad Gateway'), 'upstream_unavailable'],
    [twirp(429, 'resource_exhausted', 'slow down'), 'rate_limited'],
  ])('%s → %s', (err, code) => {
    expect(mapLiveKitError(err, 'Participant').code).toBe(code);
  });

  it('maps a refused connection to upstream_unavailable with what to check', () => {
    const err = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    const mapped = mapLiveKitError(err, 'Rooms');
    expect(mapped.code).toBe('upstream_unavailable');
    expect(mapped.message).toMatch(/LIVEKIT_URL/);
  });

  it('keeps LiveKit’s address out of the message (every role reads it) but in the logged cause', () => {
    const before = process.env.LIVEKIT_URL;
    process.env.LIVEKIT_URL = 'http://livekit.internal:7880';
    const err = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    const mapped = mapLiveKitError(err, 'Rooms');
    if (before === undefined) delete process.env.LIVEKIT_URL;
    else process.env.LIVEKIT_URL = before;
    expect(mapped.message).not.toContain('livekit.internal');
    expect(String(mapped.cause)).toContain('livekit.internal:7880: fetch failed');
    expect((mapped.cause as Error).cause).toEqual(new Error('connect ECONNREFUSED'));
  });

  it('maps a timeout to upstream_unavailable', () => {
    const err = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(mapLiveKitError(err, 'Rooms').code).toBe('upstream_unavailable');
  });

  it('never passes LiveKit’s raw message through for auth failures', () => {
    const mapped = mapLiveKitError(twirp(401, undefined, 'invalid API key'), 'Rooms');
    expect(mapped.message).not.toContain('invalid API key');
    expect(mapped.message).toMatch(/LIVEKIT_API_KEY/);
  });

  it('strips the psrpc prefix from validation details', () => {
    const mapped = mapLiveKitError(
      twirp(400, 'invalid_argument', 'twirp error unknown: room name length exceeds limits'),
      'Room',
    );
    expect(mapped.message).toBe('LiveKit refused the request: room name length exceeds limits');
  });

  it('keeps DomainErrors and hides unknown errors behind internal', () => {
    const own = new DomainError('forbidden', 'no');
    expect(mapLiveKitError(own, 'x')).toBe(own);
    const unknown = mapLiveKitError(new Error('secret detail'), 'x');
    expect(unknown.code).toBe('internal');
    expect(unknown.message).not.toContain('secret detail');
  });
});
