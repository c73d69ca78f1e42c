import 'server-only';

import { endUserSessions } from '@/lib/auth/sessions';
import { userSchema } from '@/lib/contracts/dto';
import { updateProfile, type User } from '@/lib/db/users';
import { updateUserInputSchema } from '@/lib/schemas/users';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

import { toUserDto } from './to-user-dto';
import { assertNotLastAdmin, assertTenantAssignable, findManagedUser } from './user-rules';

type Field = 'name' | 'role' | 'tenant';
type Patch = Partial<Pick<User, Field>>;

/**
 * Edits name, role and tenant in one write. A new role or tenant ends the user's open sessions (they
 * sign in again under the new grants). An OIDC user's values are overwritten by the IdP's claims at
 * its next sign-in. An admin cannot demote itself, and the last enabled admin stays one.
 */
export const updateUser = defineOperation({
  name: 'updateUser',
  summary: 'Change a user’s name, role or tenant',
  description:
    'Omitted fields stay; `tenant: null` unbinds the user. A new role or tenant ends the user’s open sessions. The last admin stays one.',
  tag: 'Users',
  input: updateUserInputSchema,
  output: userSchema,
  permission: 'users.manage',
  http: { method: 'PATCH', path: '/users/{userId}' },
  audit: { action: 'user.updated', target: () => ({}), params: ({ userId }) => ({ userId }) },
  errors: ['not_found', 'conflict'],
  async act({ actor, auditParams }, { userId, ...requested }) {
    const user = await findManagedUser(actor, userId);
    // Only once visible: a masked attempt must not reveal another tenant's usernames in the log.
    auditParams.username = user.username;
    const patch = changedFields(user, requested);
    auditParams.changes = Object.fromEntries(
      Object.entries(patch).map(([field, to]) => [field, { from: user[field as Field], to }]),
    );
    if (patch.tenant !== undefined) assertTenantAssignable(actor, patch.tenant);
    if (patch.role !== undefined && user.role === 'admin') {
      if (user.id === actor.userId) {
        throw new DomainError('conflict', 'You cannot remove your own admin role.');
      }
      await assertNotLastAdmin(user);
    }
    if (Object.keys(patch).length === 0) return toUserDto(user);
    const updated = await updateProfile(user.id, patch);
    if (!updated) throw new DomainError('not_found', 'User not found.');
    if (patch.role !== undefined || patch.tenant !== undefined) {
      const reason = patch.role !== undefined ? 'role_changed' : 'tenant_changed';
      auditParams.sessionsEnded = await endUserSessions(user.id, reason);
    }
    return toUserDto(updated);
  },
});

function changedFields(user: User, requested: Patch): Patch {
  const patch: Patch = {};
  if (requested.name !== undefined && requested.name !== user.name) patch.name = requested.name;
  if (requested.role !== undefined && requested.role !== user.role) patch.role = requested.role;
  if (requested.tenant !== undefined && requested.tenant !== user.tenant) {
    patch.tenant = requested.tenant;
  }
  return patch;
}
