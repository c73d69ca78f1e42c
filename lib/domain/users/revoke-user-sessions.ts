import 'server-only';

import { endUserSessions } from '@/lib/auth/sessions';
import { revokedSessionsSchema } from '@/lib/contracts/user-sessions';
import { userSessionsInputSchema } from '@/lib/schemas/user-sessions';

import { defineOperation } from '../operation';

import { findManagedUser } from './user-rules';

/**
 * "Sign out everywhere": ends every open session of the user at once — on this instance at once,
 * on the others through Redis or within the session cache TTL. Allowed on yourself (it signs you
 * out too); the account itself is untouched, so the user can sign in again.
 */
export const revokeUserSessions = defineOperation({
  name: 'revokeUserSessions',
  summary: 'Sign a user out everywhere',
  description:
    'Ends every open session of the user; their next request is refused and they must sign in again. Revoking your own sessions signs you out too.',
  tag: 'Users',
  input: userSessionsInputSchema,
  output: revokedSessionsSchema,
  permission: 'users.manage',
  http: { method: 'DELETE', path: '/users/{userId}/sessions' },
  audit: {
    action: 'user.sessions_revoked',
    target: () => ({}),
    params: ({ userId }) => ({ userId }),
  },
  errors: ['not_found'],
  async act({ actor, auditParams }, { userId }) {
    const user = await findManagedUser(actor, userId);
    // Only once visible: a masked attempt must not reveal another tenant's usernames in the log.
    auditParams.username = user.username;
    const revoked = await endUserSessions(user.id, 'admin');
    auditParams.revoked = revoked;
    return { revoked };
  },
});
