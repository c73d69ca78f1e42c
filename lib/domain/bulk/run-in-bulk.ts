import 'server-only';

import { randomUUID } from 'node:crypto';

import type { z } from 'zod';

import { BULK_CONCURRENCY, type BulkFailure, type BulkReportDto } from '@/lib/contracts/bulk';

import type { Operation, OperationContext } from '../operation';
import { runForEach, type RunResult } from '../run-operation';
import { bulkRunPort, trackRun, type BulkProgress } from './bulk-runs';
import type { TargetSelection } from './bulk-targets';

/** Progress is published at most this often (and once at the start and the end). */
export const PROGRESS_EVERY_MS = 100;

/** One action of a run: the input of the per-target operation, and whom it concerns. */
export interface BulkItem {
  identity: string;
  trackSid: string | null;
  input: unknown;
}

/**
 * A target the operation answered for rather than threw about: `forceMute` lists a participant
 * who is gone as `missing` instead of failing. Names the failure the report should show, or null.
 */
export type AnsweredFailure<O> = (output: O) => Omit<BulkFailure, 'identity' | 'trackSid'> | null;

/**
 * Runs `operation` once per item, BULK_CONCURRENCY at a time, each authorized and audited on its
 * own (one row per target; the calling bulk operation writes the run's row). Publishes progress,
 * stops starting new items when the run is cancelled, and answers a per-participant report.
 */
export async function runInBulk<I extends z.ZodType, O>(
  context: OperationContext,
  run: { roomName: string; runId?: string; action: string },
  operation: Operation<I, O>,
  items: readonly BulkItem[],
  selection: Pick<TargetSelection, 'skipped' | 'missing'>,
  failureOf: AnsweredFailure<O> = () => null,
): Promise<BulkReportDto> {
  const runId = run.runId ?? randomUUID();
  const { tenant } = await context.room(run.roomName);
  const port = bulkRunPort();
  const progress: BulkProgress = {
    roomName: run.roomName,
    tenant,
    runId,
    action: run.action,
    actorName: context.actor.name || context.actor.username,
    state: 'running',
    total: items.length,
    done: 0,
    failed: 0,
    cancelled: 0,
  };
  let lastPublishedMs = 0;
  const publish = (force = false) => {
    const now = Date.now();
    if (!port || (!force && now - lastPublishedMs < PROGRESS_EVERY_MS)) return;
    lastPublishedMs = now;
    port.progress({ ...progress });
  };
  // Registered before anyone hears of the run, so a cancellation can never arrive too early.
  const tracked = trackRun(runId, run.roomName);
  publish(true);

  const settled = new Set<number>();
  const failureIn = (result: RunResult<O>) => (result.ok ? failureOf(result.data) : result.error);
  let results: RunResult<O>[];
  try {
    results = await runForEach(
      operation,
      context.actor,
      items.map((item) => item.input),
      {
        concurrency: BULK_CONCURRENCY,
        signal: tracked.signal,
        onSettled: (index, result) => {
          settled.add(index);
          progress.done += 1;
          if (failureIn(result)) progress.failed += 1;
          publish();
        },
      },
    );
  } finally {
    tracked.release();
  }

  const failed: BulkFailure[] = selection.missing.map((identity) => ({
    identity,
    trackSid: null,
    code: 'not_found',
    message: 'Not in the room.',
  }));
  let succeeded = 0;
  results.forEach((result, index) => {
    if (!settled.has(index)) return;
    const failure = failureIn(result);
    if (!failure) {
      succeeded += 1;
      return;
    }
    const { identity, trackSid } = items[index]!;
    failed.push({ identity, trackSid, ...failure });
  });

  const report: BulkReportDto = {
    runId,
    total: items.length,
    succeeded,
    failed,
    skipped: selection.skipped,
    cancelled: items.length - settled.size,
  };
  progress.cancelled = report.cancelled;
  progress.state = 'finished';
  publish(true);
  Object.assign(context.auditParams, {
    runId,
    total: report.total,
    succeeded: report.succeeded,
    failed: report.failed.length,
    skipped: report.skipped.length,
    cancelled: report.cancelled,
  });
  return report;
}
