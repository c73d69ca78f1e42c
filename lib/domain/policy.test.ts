import { describe, expect, it } from 'vitest';

import type { Actor } from './actor';
import type { RoomDto } from './dto';
import { DomainError } from './errors';
import { assertCan, assertRoomVisible, canSeeRoom } from './policy';

const actor = (role: Actor['role'], tenant: string | null = null): Actor => ({
  userId: 'u1',
  username: 'u',
  name: 'U',
  role,
  tenant,
  source: 'ui',
});

const room = (tenant: string | null): RoomDto => ({
  sid: 'RM_x',
  name: tenant ? `${tenant}-room` : 'open-room',
  emptyTimeout: 300,
  departureTimeout: 20,
  maxParticipants: 0,
  creationTimeMs: 0,
  metadata: tenant ? JSON.stringify({ auth_id: tenant }) : '',
  numParticipants: 0,
  numPublishers: 0,
  activeRecording: false,
  tenant,
});

describe('tenant visibility (role × tenant)', () => {
  const cases: [Actor['role'], string | null, string | null, boolean][] = [
    ['admin', null, 'acme', true],
    ['admin', null, null, true],
    ['moderator', 'acme', 'acme', true],
    ['moderator', 'acme', 'globex', false],
    ['moderator', 'acme', null, false],
    ['viewer', 'globex', 'globex', true],
    ['viewer', 'globex', 'acme', false],
  ];
  it.each(cases)('%s bound to %s sees a room of %s: %s', (role, tenant, roomTenant, visible) => {
    expect(canSeeRoom(actor(role, tenant), room(roomTenant))).toBe(visible);
  });

  it('masks another tenant’s room as not_found, never forbidden', () => {
    const call = () => assertRoomVisible(actor('admin', 'acme'), room('globex'), 'globex-room');
    expect(call).toThrowError(DomainError);
    try {
      call();
    } catch (err) {
      expect((err as DomainError).code).toBe('not_found');
    }
  });

  it('treats a missing room exactly like a hidden one', () => {
    expect(() => assertRoomVisible(actor('admin'), null, 'nope')).toThrow(/not found/);
  });
});

describe('assertCan', () => {
  it('throws forbidden for a viewer removing a participant', () => {
    expect(() => assertCan(actor('viewer'), 'participants.remove')).toThrowError(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
  it('lets a moderator mute', () => {
    expect(() => assertCan(actor('moderator'), 'tracks.mute')).not.toThrow();
  });
});
