'use client';

import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';

import type { ActionResult } from '@/lib/actions/action-result';

import { ActionError, unwrapAction } from './action-error';

export interface ActionMutationOptions<TVars, TData> {
  /** Calls the server action with the variables. */
  action: (variables: TVars) => Promise<ActionResult<TData>>;
  /** Success toast text; null for no toast. */
  success: (data: TData, variables: TVars) => string | null;
  /** Error toast title naming what failed ("Could not mute microphone of alice"). */
  failure: (variables: TVars) => string;
  /** Cache updates after success, so views change without a reload. */
  update?: (queryClient: QueryClient, data: TData, variables: TVars) => void;
  /** Extra handling of a failure (cache or status refresh). Return true to skip the toast. */
  onFailure?: (queryClient: QueryClient, error: ActionError, variables: TVars) => boolean | void;
}

/**
 * The shape every moderation mutation shares: the server action's `{ ok: false }` becomes a thrown
 * `ActionError`, success patches/invalidates caches, and both outcomes are announced with a toast.
 * Dialog state stays in the components (they pass `onSuccess` to `mutate`).
 */
export function useActionMutation<TVars, TData>(options: ActionMutationOptions<TVars, TData>) {
  const queryClient = useQueryClient();
  const { action, success, failure, update, onFailure } = options;

  return useMutation<TData, ActionError, TVars>({
    mutationFn: (variables) => unwrapAction(action(variables)),
    onSuccess: (data, variables) => {
      update?.(queryClient, data, variables);
      const message = success(data, variables);
      if (message) toast.success(message);
    },
    onError: (error, variables) => {
      if (onFailure?.(queryClient, error, variables)) return;
      toast.error(failure(variables), { description: error.message });
    },
  });
}
