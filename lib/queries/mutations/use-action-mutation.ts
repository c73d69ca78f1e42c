'use client';

import {
  useMutation,
  useQueryClient,
  type MutateOptions,
  type QueryClient,
  type UseMutationResult,
} from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
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

type Options<TVars, TData> = MutateOptions<TData, ActionError, TVars>;

/**
 * The shape every moderation mutation shares: the server action's `{ ok: false }` becomes a thrown
 * `ActionError`, success patches/invalidates caches, and both outcomes are announced with a toast.
 * Dialog state stays in the components (they pass `onSuccess` to `mutate`).
 *
 * A call with the same variables as one still running joins it instead of running again, so a double click, a double
 * Enter or a second form submit acts once. `isPending` cannot guard that: it reaches the DOM (and
 * disables the button) only a render later, after the second click has already arrived. Calls with
 * other variables (muting the camera while the microphone's mute runs) still go through.
 */
export function useActionMutation<TVars, TData>(
  options: ActionMutationOptions<TVars, TData>,
): UseMutationResult<TData, ActionError, TVars> {
  const queryClient = useQueryClient();
  const { action, success, failure, update, onFailure } = options;
  const running = useRef(new Map<string, Promise<TData>>());

  const mutation = useMutation<TData, ActionError, TVars>({
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
  const { mutateAsync } = mutation;

  const mutateOnce = useCallback(
    (variables: TVars, callbacks?: Options<TVars, TData>): Promise<TData> => {
      const key = JSON.stringify(variables) ?? '';
      const current = running.current.get(key);
      if (current) return current;
      const call = mutateAsync(variables, callbacks).finally(() => running.current.delete(key));
      running.current.set(key, call);
      return call;
    },
    [mutateAsync],
  );

  return {
    ...mutation,
    mutate: useCallback(
      (variables: TVars, callbacks?: Options<TVars, TData>) => {
        // Failures are already announced by onError; mutate() never rejects.
        mutateOnce(variables, callbacks).catch(() => undefined);
      },
      [mutateOnce],
    ),
    mutateAsync: mutateOnce,
  } as UseMutationResult<TData, ActionError, TVars>;
}
