import type { ErrorBody } from '@/lib/contracts/errors';

/**
 * What every server action returns. Expected failures are values, not throws (Next's error-handling
 * guidance), so the client can show the message; `useMutation` wrappers turn `ok: false` into errors.
 */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
