import 'server-only';

type Holder = typeof globalThis & { __moderatoQuietClientAborts?: boolean };
const holder = globalThis as Holder;

/** The error Node gives a request whose client hung up before it was complete. */
function isClientAbort(value: unknown): boolean {
  return (
    value instanceof Error &&
    value.message === 'aborted' &&
    (value as NodeJS.ErrnoException).code === 'ECONNRESET'
  );
}

/**
 * Called once at server start (instrumentation.ts), idempotent. A client that hangs up in the
 * middle of a request — an upload cut short, or garbage sent after a request, on which Node closes
 * the connection — fails Next's copy of the request body with `Error: aborted`, and Next logs it
 * with its stack, twice (from its router, then as an uncaught exception). Nothing went wrong on the
 * server and anyone can do it at will, so that one error is kept out of the log; every other error
 * is logged as before.
 */
export function quietClientAborts(): void {
  if (holder.__moderatoQuietClientAborts) return;
  const error = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.some(isClientAbort)) return;
    error(...args);
  };
  holder.__moderatoQuietClientAborts = true;
}
