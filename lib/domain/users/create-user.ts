import 'server-only';

import { userPasswordSchema } from '@/lib/contracts/dto';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { createUser as createStoredUser, UsernameTakenError } from '@/lib/db/users';
import { createUserInputSchema } from '@/lib/schemas/users';

import { defineOperation } from '../operation';
import { takenNameError } from '../taken-name';

import { toUserDto } from './to-user-dto';
import { assertTenantAssignable } from './user-rules';

/**
 * Creates a local account. Without a chosen password one is generated and returned once; it is
 * never stored in clear, logged or audited. A tenant-bound admin's users land in its tenant.
 * Usernames are global, so a taken one answers through takenNameError(): a tenant-bound admin is
 * not told that the name exists (possibly in another tenant), only that it is not available.
 */
export const createUser = defineOperation({
  name: 'createUser',
  summary: 'Create a dashboard user',
  description:
    'Without `password` one is generated and returned once in the answer; it is never stored in clear or logged. A taken username answers 409; a tenant-bound caller gets 400 “not available” instead, whichever tenant has the user.',
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
      throw takenNameError(actor, {
        field: 'username',
        label: 'username',
        what: 'user',
        name: username,
      });
    }
  },
});
