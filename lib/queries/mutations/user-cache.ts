import type { QueryClient } from '@tanstack/react-query';

import type { UserDto } from '@/lib/contracts/dto';
import { userKeys } from '@/lib/queries/keys';

/** Puts the action's answer into the users list at once (new or changed), then refetches it. */
export function upsertUser(queryClient: QueryClient, user: UserDto): void {
  const key = userKeys.list();
  void queryClient.cancelQueries({ queryKey: key });
  queryClient.setQueryData<UserDto[]>(key, (old) => {
    if (!old) return old;
    const rest = old.filter((u) => u.id !== user.id);
    return [...rest, user].sort((a, b) => a.username.localeCompare(b.username));
  });
  void queryClient.invalidateQueries({ queryKey: key });
}
