import 'server-only';

import { generatePassword, hashPassword } from '@/lib/auth/password';
import { createUser as createStoredUser, UsernameTakenError } from '@/lib/db/users';
import { createUserInputSchema } from '@/lib/schemas/users';

import type { Actor } from '../actor';
import { audited } from '../audit';
import type { UserPasswordDto } from '../dto';
import { DomainError } from '../errors';
import { assertCan } from '../policy';
import { parseInput } from '../validate';
import { toUserDto } from './to-user-dto';
import { assertTenantAssignable } from './user-rules';

/**
 * Creates a local account. Without a chosen password one is generated and returned once; it is
 * never stored in clear, logged or audited. A tenant-bound admin's users land in its tenant.
 */
export async function createUser(actor: Actor, input: unknown): Promise<UserPasswordDto> {
  const {
    username,
    name,
    role,
    tenant: requested,
    password: chosen,
  } = parseInput(createUserInputSchema, input);
  const tenant = requested === undefined ? actor.tenant : requested;
  const params = { username, name: name || username, role, tenant, passwordGenerated: !chosen };
  return audited(actor, 'user.created', {}, params, async () => {
    assertCan(actor, 'users.manage');
    assertTenantAssignable(actor, tenant);
    const password = chosen ?? generatePassword();
    try {
      const user = await createStoredUser({
        username,
        name,
        role,
        tenant,
        passwordHash: await hashPassword(password),
      });
      return { user: toUserDto(user), password: chosen ? null : password };
    } catch (err) {
      if (!(err instanceof UsernameTakenError)) throw err;
      throw new DomainError('conflict', `A user named “${username}” already exists.`, {
        fieldErrors: { username: ['This username is taken'] },
      });
    }
  });
}
