import 'server-only';

import type { User } from '@/lib/db/users';

import type { UserDto } from '@/lib/contracts/dto';

/** Picks the fields the Users page shows; the OIDC subject and update time stay on the server. */
export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    tenant: user.tenant,
    provider: user.provider,
    disabled: user.disabled,
    createdAtMs: user.createdAtMs,
    lastSignInAtMs: user.lastSignInAtMs,
  };
}
