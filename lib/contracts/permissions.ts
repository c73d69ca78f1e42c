/**
 * Roles and permissions, written once as data. Universal: the UI asks `useCan()` to hide controls and
 * the domain's runner asks the actor (whose grants come from this table) before every operation —
 * hiding is UX, never authorization.
 */
export const ROLES = ['viewer', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Every permission with the one-line description shown in the API reference. */
export const PERMISSION_INFO = {
  'rooms.read': 'See rooms, participants and tracks.',
  'rooms.create': 'Create rooms.',
  'rooms.delete': 'Delete (close) rooms, disconnecting everyone.',
  'rooms.update': 'Edit room metadata.',
  'rooms.join': 'Get LiveKit tokens to join rooms themselves (join and popout tokens).',
  'rooms.lock': 'Lock and unlock rooms; suspend and resume their activity.',
  'tracks.mute': 'Mute and unmute published tracks; ask participants to unmute.',
  'participants.remove': 'Remove participants from a room.',
  'participants.ban': 'Remove and ban participants, list bans and lift them.',
  'participants.update': 'Change permissions, name, metadata and attributes of participants.',
  'participants.subscriptions': 'Change what a participant is subscribed to.',
  'participants.move': 'Move or forward participants to another room.',
  'data.send': 'Send data messages into a room.',
  'audit.read': 'Read and export the audit log.',
  'users.manage': 'Manage dashboard users.',
  'keys.manage': 'Manage REST API keys and embedding portals.',
  'presets.manage': 'Define and delete permission presets.',
  'tokens.generate':
    'Generate LiveKit access tokens with any grant, and set the join link template.',
} as const;
export type Permission = keyof typeof PERMISSION_INFO;
export const PERMISSIONS = Object.keys(PERMISSION_INFO) as Permission[];

const VIEWER: readonly Permission[] = ['rooms.read'];
const MODERATOR: readonly Permission[] = [
  ...VIEWER,
  'rooms.update',
  'rooms.join',
  'rooms.lock',
  'tracks.mute',
  'participants.remove',
  'participants.ban',
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
  'presets.manage',
  'tokens.generate',
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(VIEWER),
  moderator: new Set(MODERATOR),
  admin: new Set(ADMIN),
};

/** What a role may do. Callers other than sessions (API keys, embed tokens) may grant less. */
export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
