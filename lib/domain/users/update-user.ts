import 'server-only';

import { updateProfile, type User } from '@/lib/db/users';
import { updateUserInputSchema } from '@/lib/schemas/users';

import type { Actor } from '../actor';
import { audited } from '../audit';
import type { UserDto } from '../dto';
import { DomainError } from '../errors';
import { assertCan } from '../policy';
import { parseInput } from '../validate';
import { toUserDto } from './to-user-dto';
import { assertNotLastAdmin, assertTenantAssignable, findManagedUser } from './user-rules';

type Field = 'name' | 'role' | 'tenant';
type Patch = Partial<Pick<User, Field>>;

/**
 * Edits name, role and tenant in one write. An OIDC user's values are overwritten by the IdP's
 * claims at its next sign-in. An admin cannot demote itself, and the last enabled admin stays one.
 */
export async function updateUser(actor: Actor, input: unknown): Promise<UserDto> {
  const { userId, ...requested } = parseInput(updateUserInputSchema, input);
  // Filled in once the user is found and visible: audit rows of a denied or masked attempt must
  // not reveal another tenant's usernames to that tenant's admin.
  const params: Record<string, unknown> = { userId };
  return audited(actor, 'user.updated', {}, params, async () => {
    assertCan(actor, 'users.manage');
    const user = await findManagedUser(actor, userId);
    params.username = user.username;
    const patch = changedFields(user, requested);
    params.changes = Object.fromEntries(
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
    return toUserDto(updated);
  });
}

function changedFields(user: User, requested: Patch): Patch {
  const patch: Patch = {};
  if (requested.name !== undefined && requested.name !== user.name) patch.name = requested.name;
  if (requested.role !== undefined && requested.role !== user.role) patch.role = requested.role;
  if (requested.tenant !== undefined && requested.tenant !== user.tenant) {
    patch.tenant = requested.tenant;
  }
  return patch;
}
