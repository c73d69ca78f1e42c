import 'server-only';

/** The waits before each retry: a little over a minute in all, time for a lock to be released. */
export const BACKGROUND_RETRY_DELAYS_MS: readonly number[] = [
  250, 500, 1000, 2000, 4000, 8000, 16_000, 30_000,
];

/**
 * Retries `attempt` in the background, waiting longer before each try, until it resolves or the
 * delays run out (then `onGiveUp` gets the last error). Never throws and is not awaited: the caller
 * has already answered. The timers do not keep the process alive; a process that ends first leaves
 * the work undone, which its callers must be able to detect (see audit-reconcile.ts).
 */
export function retryInBackground(
  attempt: () => Promise<unknown>,
  onGiveUp: (error: unknown) => void,
  delaysMs: readonly number[] = BACKGROUND_RETRY_DELAYS_MS,
): void {
  const tryAfter = (index: number) => {
    const timer = setTimeout(() => {
      attempt().catch((error: unknown) => {
        if (index + 1 < delaysMs.length) tryAfter(index + 1);
        else onGiveUp(error);
      });
    }, delaysMs[index]);
    timer.unref();
  };
  tryAfter(0);
}
