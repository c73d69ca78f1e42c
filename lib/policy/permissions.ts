/**
 * Roles and permissions. Universal (no server imports) so the UI can hide controls with `can()`;
 * the domain layer enforces the same table with `assertCan()` — hiding is UX, never authorization.
 */
export const ROLES = ['viewer', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** See rooms, participants and tracks. */
  'rooms.read',
  /** Create rooms (admin). */
  'rooms.create',
  /** Delete (close) rooms, disconnecting everyone (admin). */
  'rooms.delete',
  /** Edit room metadata. */
  'rooms.update',
  /** Mute / unmute published tracks. */
  'tracks.mute',
  /** Remove participants from a room. */
  'participants.remove',
  /** Change permissions, name, metadata and attributes of participants. */
  'participants.update',
  /** Change what a participant is subscribed to. */
  'participants.subscriptions',
  /** Move or forward participants to another room. */
  'participants.move',
  /** Send data messages into a room. */
  'data.send',
  /** Read the audit log (admin). */
  'audit.read',
  /** Manage dashboard users (admin). */
  'users.manage',
  /** Manage REST API keys (admin). */
  'keys.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: readonly Permission[] = ['rooms.read'];
const MODERATOR: readonly Permission[] = [
  ...VIEWER,
  'rooms.update',
  'tracks.mute',
  'participants.remove',
  'participants.update',
  'participants.subscriptions',
  'participants.move',
  'data.send',
];
const ADMIN: readonly Permission[] = [
  ...MODERATOR,
  'rooms.create',
  'rooms.delete',
  'audit.read',
  'users.manage',
  'keys.manage',
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(VIEWER),
  moderator: new Set(MODERATOR),
  admin: new Set(ADMIN),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
