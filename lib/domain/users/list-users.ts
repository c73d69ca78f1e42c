import 'server-only';

import { listUsers as listStoredUsers } from '@/lib/db/users';
import { listUsersInputSchema } from '@/lib/schemas/users';

import type { Actor } from '../actor';
import type { UserDto } from '../dto';
import { assertCan } from '../policy';
import { parseInput } from '../validate';
import { toUserDto } from './to-user-dto';
import { canSeeUser } from './user-rules';

/** The accounts the admin may manage, by username. Reads are not audited. */
export async function listUsers(actor: Actor, input: unknown = {}): Promise<UserDto[]> {
  const { search } = parseInput(listUsersInputSchema, input);
  assertCan(actor, 'users.manage');
  const needle = search?.toLowerCase();
  return (await listStoredUsers())
    .filter((user) => canSeeUser(actor, user))
    .filter(
      (user) =>
        !needle || user.username.includes(needle) || user.name.toLowerCase().includes(needle),
    )
    .map(toUserDto);
}
