import 'server-only';

import type { Role } from '@/lib/policy/permissions';

/** Where an action came from; recorded in the audit log. */
export type ActorSource = 'ui' | 'api' | 'embed' | 'cli' | 'system';

/**
 * Who is calling the domain. Adapters build it from the Auth.js session (or, later, an API key);
 * the domain never reads the session itself.
 */
export interface Actor {
  /** Stable user id from the users table. */
  userId: string;
  /** Login name (local) or the OIDC subject's preferred username / email. */
  username: string;
  /** Display name. */
  name: string;
  role: Role;
  /** Tenant `auth_id` the user is bound to; null = sees every room. */
  tenant: string | null;
  source: ActorSource;
}
