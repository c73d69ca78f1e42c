import 'server-only';

import { z } from 'zod';

import { userSchema } from '@/lib/contracts/dto';
import { listUsers as listStoredUsers } from '@/lib/db/users';
import { listUsersInputSchema } from '@/lib/schemas/users';

import { defineOperation } from '../operation';

import { toUserDto } from './to-user-dto';
import { canSeeUser } from './user-rules';

/** The accounts the admin may manage, by username. */
export const listUsers = defineOperation({
  name: 'listUsers',
  summary: 'List dashboard users',
  description: '`search` matches the username or display name, case-insensitively.',
  tag: 'Users',
  input: listUsersInputSchema,
  output: z.object({ users: z.array(userSchema) }),
  permission: 'users.manage',
  http: { method: 'GET', path: '/users' },
  audit: { action: 'users.listed' },
  errors: [],
  async act({ actor }, { search }) {
    const needle = search?.toLowerCase();
    const users = (await listStoredUsers())
      .filter((user) => canSeeUser(actor, user))
      .filter(
        (user) =>
          !needle || user.username.includes(needle) || user.name.toLowerCase().includes(needle),
      )
      .map(toUserDto);
    return { users };
  },
});
