'use client';

import type { LiftBanInput } from '@/lib/schemas/bans';
import { banKeys } from '@/lib/queries/keys';

import { callOperation } from './call-operation';
import { upsertNewestFirst } from './upsert-newest-first';
import { useActionMutation } from './use-action-mutation';

/** `identity` only names the ban in the toasts; the action identifies it by id. */
export type LiftBanVariables = { input: LiftBanInput; identity: string };

export function useLiftBan() {
  return useActionMutation({
    action: ({ input }: LiftBanVariables) => callOperation('liftBan', input),
    success: (_ban, { identity }) => `Lifted the ban of ${identity}: they may join again.`,
    failure: ({ identity }) => `Could not lift the ban of ${identity}`,
    update: (queryClient, ban) => upsertNewestFirst(queryClient, banKeys.list(), ban),
  });
}
