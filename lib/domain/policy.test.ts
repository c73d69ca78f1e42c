import { describe, expect, it } from 'vitest';

import type { RoomDto } from '@/lib/contracts/dto';

import { actorWithRole, type Actor } from './actor';
import { assertCan, canSeeRoom } from './policy';

const actor = (role: Actor['role'], tenant: string | null = null): Actor =>
  actorWithRole({ userId: 'u1', username: 'u', name: 'U', role, tenant, source: 'ui' });

const room = (tenant: string | null, name = tenant ? `${tenant}-room` : 'open-room'): RoomDto => ({
  sid: 'RM_x',
  name,
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

describe('room scope (role × tenant × room list)', () => {
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

  it('limits a caller with a room list to those rooms, within its tenant', () => {
    const scoped: Actor = { ...actor('moderator', 'acme'), rooms: ['acme-room'] };
    expect(canSeeRoom(scoped, room('acme'))).toBe(true);
    expect(canSeeRoom(scoped, room('acme', 'acme-other'))).toBe(false);
    expect(canSeeRoom({ ...scoped, tenant: null }, room('globex', 'acme-room'))).toBe(true);
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
  it('asks the actor’s grants, not its role: a narrowed admin is refused', () => {
    const narrowed: Actor = { ...actor('admin'), permissions: new Set(['rooms.read']) };
    expect(() => assertCan(narrowed, 'rooms.delete')).toThrowError(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});
