import { describe, expect, it } from 'vitest';

import { PERMISSIONS, ROLES, roleCan, isRole, type Permission, type Role } from './permissions';

// The full role × permission table, written out so a change to the policy is a visible diff here.
const EXPECTED: Record<Permission, Role[]> = {
  'rooms.read': ['viewer', 'moderator', 'admin'],
  'rooms.create': ['admin'],
  'rooms.delete': ['admin'],
  'rooms.update': ['moderator', 'admin'],
  'rooms.join': ['moderator', 'admin'],
  'rooms.lock': ['moderator', 'admin'],
  'tracks.mute': ['moderator', 'admin'],
  'participants.remove': ['moderator', 'admin'],
  'participants.ban': ['moderator', 'admin'],
  'participants.update': ['moderator', 'admin'],
  'participants.subscriptions': ['moderator', 'admin'],
  'participants.move': ['moderator', 'admin'],
  'data.send': ['moderator', 'admin'],
  'audit.read': ['admin'],
  'users.manage': ['admin'],
  'keys.manage': ['admin'],
  'presets.manage': ['admin'],
  'tokens.generate': ['admin'],
};

describe('role × permission table', () => {
  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        expect(roleCan(role, permission)).toBe(allowed);
      });
    }
  }

  it('a viewer can do nothing but read', () => {
    expect(PERMISSIONS.filter((p) => roleCan('viewer', p))).toEqual(['rooms.read']);
  });
});

describe('isRole', () => {
  it('accepts only the three roles', () => {
    expect(isRole('admin')).toBe(true);
    expect(isRole('Admin')).toBe(false);
    expect(isRole('owner')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
