import 'server-only';

import { endUserSessions } from '@/lib/auth/sessions';
import { userSchema } from '@/lib/contracts/dto';
import { setDisabled } from '@/lib/db/users';
import { setUserDisabledInputSchema } from '@/lib/schemas/users';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

import { toUserDto } from './to-user-dto';
import { assertNotLastAdmin, findManagedUser } from './user-rules';

/**
 * Disables or re-enables an account. Disabling ends the user's sessions at once (their records are
 * revoked, so enabling the account later does not bring an old cookie back to life). Nobody can
 * lock themselves or the last admin out.
 */
export const setUserDisabled = defineOperation({
  name: 'setUserDisabled',
  summary: 'Disable or enable a user',
  description: 'Disabling ends the user’s open sessions at once. The last admin stays.',
  tag: 'Users',
  input: setUserDisabledInputSchema,
  output: userSchema,
  permission: 'users.manage',
  http: { method: 'PUT', path: '/users/{userId}/disabled' },
  audit: {
    action: ({ disabled }) => (disabled ? 'user.disabled' : 'user.enabled'),
    actions: ['user.disabled', 'user.enabled'],
    target: () => ({}),
    params: ({ userId }) => ({ userId }),
  },
  errors: ['not_found', 'conflict'],
  async act({ actor, auditParams }, { userId, disabled }) {
    const user = await findManagedUser(actor, userId);
    // Only once visible: a masked attempt must not reveal another tenant's usernames in the log.
    auditParams.username = user.username;
    if (disabled) {
      if (user.id === actor.userId) {
        throw new DomainError('conflict', 'You cannot disable your own account.');
      }
      await assertNotLastAdmin(user);
    }
    if (user.disabled === disabled) return toUserDto(user);
    const updated = await setDisabled(user.id, disabled);
    if (!updated) throw new DomainError('not_found', 'User not found.');
    if (disabled) auditParams.sessionsEnded = await endUserSessions(user.id, 'disabled');
    return toUserDto(updated);
  },
});
