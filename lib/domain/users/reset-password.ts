import 'server-only';

import { generatePassword, hashPassword } from '@/lib/auth/password';
import { setPassword } from '@/lib/db/users';
import { resetPasswordInputSchema } from '@/lib/schemas/users';

import type { Actor } from '../actor';
import { audited } from '../audit';
import type { UserPasswordDto } from '../dto';
import { DomainError } from '../errors';
import { assertCan } from '../policy';
import { parseInput } from '../validate';
import { toUserDto } from './to-user-dto';
import { findManagedUser } from './user-rules';

/**
 * Sets a new password (generated unless one is given) and returns a generated one once. OIDC
 * accounts have no password here: their IdP authenticates them.
 */
export async function resetPassword(actor: Actor, input: unknown): Promise<UserPasswordDto> {
  const { userId, password: chosen } = parseInput(resetPasswordInputSchema, input);
  // See update-user.ts: the username joins the audit row only once the user is visible.
  const params: Record<string, unknown> = { userId, passwordGenerated: !chosen };
  return audited(actor, 'user.password_reset', {}, params, async () => {
    assertCan(actor, 'users.manage');
    const user = await findManagedUser(actor, userId);
    params.username = user.username;
    if (user.provider !== 'local') {
      throw new DomainError(
        'failed_precondition',
        `${user.username} signs in with OIDC and has no password here.`,
      );
    }
    const password = chosen ?? generatePassword();
    const updated = await setPassword(user.id, await hashPassword(password));
    if (!updated) throw new DomainError('not_found', 'User not found.');
    return { user: toUserDto(updated), password: chosen ? null : password };
  });
}
