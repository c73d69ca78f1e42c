import 'server-only';

import { setDisabled } from '@/lib/db/users';
import { setUserDisabledInputSchema } from '@/lib/schemas/users';

import type { Actor } from '../actor';
import { audited } from '../audit';
import type { UserDto } from '../dto';
import { DomainError } from '../errors';
import { assertCan } from '../policy';
import { parseInput } from '../validate';
import { toUserDto } from './to-user-dto';
import { assertNotLastAdmin, findManagedUser } from './user-rules';

/**
 * Disables or re-enables an account. A disabled user's session ends on its next request (the
 * session is re-read from the store each time). Nobody can lock themselves or the last admin out.
 */
export async function setUserDisabled(actor: Actor, input: unknown): Promise<UserDto> {
  const { userId, disabled } = parseInput(setUserDisabledInputSchema, input);
  // See update-user.ts: the username joins the audit row only once the user is visible.
  const params: Record<string, unknown> = { userId };
  return audited(actor, disabled ? 'user.disabled' : 'user.enabled', {}, params, async () => {
    assertCan(actor, 'users.manage');
    const user = await findManagedUser(actor, userId);
    params.username = user.username;
    if (disabled) {
      if (user.id === actor.userId) {
        throw new DomainError('conflict', 'You cannot disable your own account.');
      }
      await assertNotLastAdmin(user);
    }
    if (user.disabled === disabled) return toUserDto(user);
    const updated = await setDisabled(user.id, disabled);
    if (!updated) throw new DomainError('not_found', 'User not found.');
    return toUserDto(updated);
  });
}
