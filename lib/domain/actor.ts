import 'server-only';

import type { AuditSource } from '@/lib/contracts/audit';
import { ROLE_PERMISSIONS, type Permission, type Role } from '@/lib/contracts/permissions';

/** Where an action came from; recorded in the audit log. */
export type ActorSource = AuditSource;

/**
 * Who is calling the domain, with what grants and within which scope. A caller strategy (session,
 * and later API key or embed token: lib/callers/) builds it; operations only ask it for permissions
 * and scope, never for a role name.
 */
export interface Actor {
  /** Stable id of the user (or key, or token subject) for the audit log. */
  userId: string;
  /** Login name (local), OIDC username/email, key name, or embed subject. */
  username: string;
  /** Display name. */
  name: string;
  /** Recorded in the audit log; decisions use `permissions`. */
  role: Role;
  /** What this caller may do: the role's table, possibly narrowed by a key or token. */
  permissions: ReadonlySet<Permission>;
  /** Tenant `auth_id` the caller is bound to; null = every tenant. */
  tenant: string | null;
  /** Rooms the caller is limited to (an API key's or embed token's room list); null = any room. */
  rooms: readonly string[] | null;
  source: ActorSource;
  /**
   * When the credentials behind this actor stop being valid, if they expire on their own (an embed
   * session): a live stream opened with them ends then, and the client reconnects with fresh ones.
   */
  expiresAtMs?: number;
}

export function actorCan(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** A caller with everything its role grants, in every room of its tenant. */
export function actorWithRole(
  who: Pick<Actor, 'userId' | 'username' | 'name' | 'role' | 'tenant' | 'source'>,
): Actor {
  return { ...who, permissions: ROLE_PERMISSIONS[who.role], rooms: null };
}
