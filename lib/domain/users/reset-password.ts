import 'server-only';

import { userPasswordSchema } from '@/lib/contracts/dto';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { endUserSessions } from '@/lib/auth/sessions';
import { setPassword } from '@/lib/db/users';
import { resetPasswordInputSchema } from '@/lib/schemas/users';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

import { toUserDto } from './to-user-dto';
import { findManagedUser } from './user-rules';

/**
 * Sets a new password (generated unless one is given) and returns a generated one once, and ends
 * the user's open sessions: whoever knew the old password is out. OIDC accounts have no password
 * here: their IdP authenticates them.
 */
export const resetPassword = defineOperation({
  name: 'resetPassword',
  summary: 'Reset a user’s password',
  description:
    'Without `password` one is generated and returned once. The user’s open sessions end. OIDC users have none: 412.',
  tag: 'Users',
  input: resetPasswordInputSchema,
  output: userPasswordSchema,
  permission: 'users.manage',
  http: { method: 'POST', path: '/users/{userId}/password' },
  audit: {
    action: 'user.password_reset',
    target: () => ({}),
    params: ({ userId, password }) => ({ userId, passwordGenerated: !password }),
  },
  errors: ['not_found', 'failed_precondition'],
  async act({ actor, auditParams }, { userId, password: chosen }) {
    const user = await findManagedUser(actor, userId);
    // Only once visible: a masked attempt must not reveal another tenant's usernames in the log.
    auditParams.username = user.username;
    if (user.provider !== 'local') {
      throw new DomainError(
        'failed_precondition',
        `${user.username} signs in with OIDC and has no password here.`,
      );
    }
    const password = chosen ?? generatePassword();
    const updated = await setPassword(user.id, await hashPassword(password));
    if (!updated) throw new DomainError('not_found', 'User not found.');
    auditParams.sessionsEnded = await endUserSessions(user.id, 'password_reset');
    return { user: toUserDto(updated), password: chosen ? null : password };
  },
});
