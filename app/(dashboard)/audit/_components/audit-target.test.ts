import { describe, expect, it } from 'vitest';

import type { AuditEventDto } from '@/lib/contracts/dto';

import { auditTarget, roomPageHref } from './audit-target';

const row = (over: Partial<AuditEventDto>): AuditEventDto => ({
  id: '1',
  atMs: 1,
  actorId: null,
  actorName: 'admin',
  role: 'admin',
  tenant: null,
  action: 'track.muted',
  roomName: null,
  identity: null,
  trackSid: null,
  params: null,
  outcome: 'success',
  errorCode: null,
  source: 'ui',
  ...over,
});

describe('an audit row’s target', () => {
  it('is the user a user.* row changed, by username when it was recorded', () => {
    expect(auditTarget(row({ action: 'user.created', params: { username: 'ann' } }))).toEqual({
      kind: 'user',
      username: 'ann',
      userId: null,
    });
    // A refused look-up keeps only the id that was asked for.
    expect(auditTarget(row({ action: 'user.disabled', params: { userId: 'u7' } }))).toEqual({
      kind: 'user',
      username: null,
      userId: 'u7',
    });
    // users.listed is not about one user.
    expect(auditTarget(row({ action: 'users.listed' }))).toEqual({ kind: 'none' });
  });

  it('is the room, participant and track otherwise', () => {
    expect(auditTarget(row({ roomName: 'r', identity: 'ann', trackSid: 'TR_1' }))).toEqual({
      kind: 'room',
      roomName: 'r',
      identity: 'ann',
      trackSid: 'TR_1',
    });
    expect(auditTarget(row({ action: 'auth.signed_in' }))).toEqual({ kind: 'none' });
  });

  it('links to the room page with any name encoded', () => {
    expect(roomPageHref('a/b ?#%')).toBe('/rooms/a%2Fb%20%3F%23%25');
    expect(roomPageHref('r', 'ann&bob')).toBe('/rooms/r?participant=ann%26bob');
  });
});
