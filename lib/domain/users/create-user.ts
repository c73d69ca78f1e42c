import 'server-only';

import { userPasswordSchema } from '@/lib/contracts/dto';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { createUser as createStoredUser, UsernameTakenError } from '@/lib/db/users';
import { createUserInputSchema } from '@/lib/schemas/users';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

import { toUserDto } from './to-user-dto';
import { assertTenantAssignable } from './user-rules';

/**
 * Creates a local account. Without a chosen password one is generated and returned once; it is
 * never stored in clear, logged or audited. A tenant-bound admin's users land in its tenant.
 */
export const createUser = defineOperation({
  name: 'createUser',
  summary: 'Create a dashboard user',
  description:
    'Without `password` one is generated and returned once in the answer; it is never stored in clear or logged.',
  tag: 'Users',
  input: createUserInputSchema,
  output: userPasswordSchema,
  permission: 'users.manage',
  http: { method: 'POST', path: '/users', status: 201 },
  audit: {
    action: 'user.created',
    target: () => ({}),
    params: ({ username, name, role, tenant, password }) => ({
      username,
      name: name || username,
      role,
      tenant: tenant ?? null,
      passwordGenerated: !password,
    }),
  },
  errors: ['conflict'],
  async act({ actor, auditParams }, { username, name, role, tenant: requested, password: chosen }) {
    const tenant = requested === undefined ? actor.tenant : requested;
    auditParams.tenant = tenant;
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
  },
});
