import 'server-only';

import { countEnabledAdmins, findUserById, type User } from '@/lib/db/users';

import type { Actor } from '../actor';
import { DomainError } from '../errors';

/** A tenant-bound admin manages its own tenant's users only; unbound admins manage everyone. */
export function canSeeUser(actor: Actor, user: Pick<User, 'tenant'>): boolean {
  return actor.tenant === null || user.tenant === actor.tenant;
}

/**
 * The user an admin is about to change. Another tenant's user is `not_found`, like another
 * tenant's room, so a tenant admin cannot probe which accounts exist elsewhere.
 */
export async function findManagedUser(actor: Actor, userId: string): Promise<User> {
  const user = await findUserById(userId);
  if (!user || !canSeeUser(actor, user)) throw new DomainError('not_found', 'User not found.');
  return user;
}

/** A tenant-bound admin may neither hand a user to another tenant nor unbind one. */
export function assertTenantAssignable(actor: Actor, tenant: string | null): void {
  if (actor.tenant !== null && tenant !== actor.tenant) {
    throw new DomainError(
      'forbidden',
      `You can only assign users to your tenant “${actor.tenant}”.`,
    );
  }
}

/**
 * Refuses to take the admin role away from the last enabled admin (by demotion or disabling):
 * nobody could manage users in the browser any more. Check-then-write, so two admins demoting
 * each other at the same instant could still both succeed; `npm run users` is the way back then.
 */
export async function assertNotLastAdmin(user: User): Promise<void> {
  if (user.role !== 'admin' || user.disabled) return;
  if ((await countEnabledAdmins()) <= 1) {
    throw new DomainError(
      'conflict',
      `${user.username} is the last enabled admin. Make another user an admin first.`,
    );
  }
}
