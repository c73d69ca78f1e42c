import 'server-only';

/** A bulk run's progress, as the live `bulk.progress` event carries it to moderators' browsers. */
export interface BulkProgress {
  roomName: string;
  tenant: string | null;
  runId: string;
  /** The run's audit action, e.g. `bulk.tracks_muted`. */
  action: string;
  actorName: string;
  state: 'running' | 'finished';
  total: number;
  done: number;
  failed: number;
  cancelled: number;
}

/**
 * How the domain tells the rest of the deployment about bulk runs without depending on the live
 * layer (which installs it, lib/live/bulk-events.ts): progress for the browsers, and cancellation
 * requests, which reach the instance running the run whichever instance took the request.
 */
export interface BulkRunPort {
  progress(update: BulkProgress): void;
  requestCancel(request: { roomName: string; tenant: string | null; runId: string }): void;
}

interface Running {
  roomName: string;
  controller: AbortController;
}

interface State {
  port: BulkRunPort | null;
  running: Map<string, Running>;
}

// On globalThis: Next bundles server actions and route handlers separately.
const KEY = Symbol.for('moderato.bulk.runs');
const state = ((globalThis as Record<symbol, State | undefined>)[KEY] ??= {
  port: null,
  running: new Map(),
});

export function setBulkRunPort(port: BulkRunPort | null): void {
  state.port = port;
}

export function bulkRunPort(): BulkRunPort | null {
  return state.port;
}

/** Registers a run of this process; `release` forgets it when the run ends. */
export function trackRun(
  runId: string,
  roomName: string,
): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  state.running.set(runId, { roomName, controller });
  return {
    signal: controller.signal,
    release: () => {
      if (state.running.get(runId)?.controller === controller) state.running.delete(runId);
    },
  };
}

/**
 * Stops a run of this process, if it runs here in that room: targets not yet started are not
 * started; those already asked of LiveKit finish. Answers whether a run was stopped.
 */
export function cancelRunHere(roomName: string, runId: string): boolean {
  const run = state.running.get(runId);
  if (!run || run.roomName !== roomName || run.controller.signal.aborted) return false;
  run.controller.abort();
  return true;
}
