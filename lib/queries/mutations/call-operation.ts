import type { ActionResult } from '@/lib/actions/action-result';
import { runOperationAction } from '@/lib/actions/operations';
import type { EmbedActionTarget } from '@/lib/contracts/embed';
import type { ErrorBody } from '@/lib/contracts/errors';

import { embedAuthHeaders, isEmbedded } from '../embed-credentials';

type OperationName = Parameters<typeof runOperationAction>[0];

export interface SettledOperation {
  operation: OperationName;
  target: EmbedActionTarget;
  /** null when it went through; `network_error` when the server could not be reached. */
  error: { code: string; message: string } | null;
}

const listeners = new Set<(settled: SettledOperation) => void>();

/** Hears every operation this page runs (the embed frame tells its host page). */
export function onOperationSettled(listener: (settled: SettledOperation) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs an operation of the registry from the browser: through the server action in the
 * dashboard, through the embed door (POST /api/embed/operations/{name}, lib/http/embed-door.ts)
 * in an embedded page, whose session is a header rather than a cookie. Both answer the same
 * result, so the mutation hooks do not know which page they are on.
 */
export async function callOperation<N extends OperationName>(
  name: N,
  input: Parameters<typeof runOperationAction<N>>[1],
): ReturnType<typeof runOperationAction<N>> {
  const notify = (error: SettledOperation['error']) => {
    const settled: SettledOperation = { operation: name, target: targetOf(input), error };
    for (const listener of listeners) listener(settled);
  };
  try {
    const result = isEmbedded()
      ? await viaEmbedDoor<Awaited<ReturnType<typeof runOperationAction<N>>>>(name, input)
      : await runOperationAction(name, input);
    notify(result.ok ? null : result.error);
    return result;
  } catch (err) {
    // unwrapAction (./action-error.ts) turns the rejection into `network_error` for the UI.
    notify({ code: 'network_error', message: 'The dashboard server could not be reached.' });
    throw err;
  }
}

/** POST /api/embed/operations/{name}: the same `{ ok, data | error }` as the server action. */
async function viaEmbedDoor<R extends ActionResult<unknown>>(
  name: OperationName,
  input: unknown,
): Promise<R> {
  const response = await fetch(`/api/embed/operations/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...embedAuthHeaders() },
    body: JSON.stringify(input),
    cache: 'no-store',
  });
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body } as R;
  const error = (body as { error?: ErrorBody } | null)?.error;
  return {
    ok: false,
    error: error ?? { code: 'internal', message: `Request failed with status ${response.status}.` },
  } as R;
}

/** The room, participant and track an input names, as far as it names them. */
function targetOf(input: unknown): EmbedActionTarget {
  const fields = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const target: EmbedActionTarget = {};
  if (typeof fields.roomName === 'string') target.roomName = fields.roomName;
  if (typeof fields.identity === 'string') target.identity = fields.identity;
  if (typeof fields.trackSid === 'string') target.trackSid = fields.trackSid;
  return target;
}
