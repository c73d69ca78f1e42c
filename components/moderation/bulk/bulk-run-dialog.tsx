'use client';

import { Loader2Icon } from 'lucide-react';
import { useMemo, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Modal, ModalContent, ModalFooter } from '@/components/ui/modal';
import { protectedReason, type BulkReportDto } from '@/lib/contracts/bulk';
import type { ParticipantDto } from '@/lib/contracts/dto';
import type { LiveEventOf } from '@/lib/contracts/live-events';
import { bulkActionEffect, bulkActionLabel, type BulkAction } from '@/lib/queries/bulk-actions';
import { useLiveEvents } from '@/lib/queries/live-stream';
import { useBulkRun, useCancelBulkRun } from '@/lib/queries/mutations/use-bulk-run';

import { BulkReport } from './bulk-report';

type Progress = Pick<LiveEventOf<'bulk.progress'>, 'total' | 'done' | 'failed'>;

/**
 * One bulk run, start to end: the confirmation (who it reaches, whether moderators and the room's
 * machinery are included), the progress while it runs (from `bulk.progress` live events) with a
 * Cancel button, and the per-participant report when it ends. It cannot be dismissed while
 * running: the run goes on on the server, and its report would be lost.
 */
export function BulkRunDialog({
  roomName,
  action,
  participants,
  selection,
  onClose,
  onFinished,
}: {
  roomName: string;
  action: BulkAction;
  /** Everyone in the room as last listed. */
  participants: readonly ParticipantDto[];
  /** The selected identities; null for the whole room. */
  selection: readonly string[] | null;
  onClose: () => void;
  onFinished: () => void;
}) {
  const [includeProtected, setIncludeProtected] = useState(false);
  const [runId] = useState(() => crypto.randomUUID());
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<BulkReportDto | null>(null);
  const bulkRun = useBulkRun();
  const cancel = useCancelBulkRun();
  const running = bulkRun.isPending;

  useLiveEvents((events) => {
    const latest = events.findLast((e) => e.type === 'bulk.progress' && e.runId === runId);
    if (latest?.type === 'bulk.progress') setProgress(latest);
  });

  const chosen = useMemo(() => {
    if (!selection) return participants;
    const picked = new Set(selection);
    return participants.filter((p) => picked.has(p.identity));
  }, [participants, selection]);
  const protectedCount = chosen.filter((p) => protectedReason(p) !== null).length;
  const label = bulkActionLabel(action);
  const who = selection
    ? `${chosen.length} selected participant${chosen.length === 1 ? '' : 's'}`
    : `everyone in ${roomName} (${chosen.length})`;

  const start = () => {
    bulkRun.mutate(
      {
        roomName,
        action,
        identities: selection ? [...selection] : undefined,
        includeProtected,
        runId,
      },
      {
        onSuccess: (result) => {
          setReport(result);
          onFinished();
        },
      },
    );
  };

  return (
    <Modal open onOpenChange={(open) => (!open && !running ? onClose() : undefined)}>
      <ModalContent
        title={report ? `${label}: done` : `${label} — ${who}`}
        onEscapeKeyDown={(event) => running && event.preventDefault()}
        onPointerDownOutside={(event) => running && event.preventDefault()}
      >
        {report ? (
          <>
            <BulkReport report={report} />
            <ModalFooter>
              <Button onClick={onClose}>Done</Button>
            </ModalFooter>
          </>
        ) : running ? (
          <>
            <RunProgress progress={progress} cancelling={cancel.isPending || cancel.isSuccess} />
            <ModalFooter>
              <Button
                variant="secondary"
                disabled={cancel.isPending || cancel.isSuccess}
                onClick={() => cancel.mutate({ roomName, runId })}
              >
                {cancel.isSuccess ? 'Cancelling…' : 'Cancel the rest'}
              </Button>
            </ModalFooter>
          </>
        ) : (
          <>
            <p className="text-sm">{bulkActionEffect(action)}</p>
            {protectedCount > 0 || !selection ? (
              <label className="mt-4 flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-0.5"
                  checked={includeProtected}
                  onChange={(e) => setIncludeProtected(e.target.checked)}
                />
                <span>
                  Include moderators, agents, egress and recorders
                  <span className="text-muted-foreground block text-xs">
                    {protectedCount === 0
                      ? 'None of them is in the room right now.'
                      : `${protectedCount} of them ${protectedCount === 1 ? 'is' : 'are'} ${selection ? 'selected' : 'in the room'}; they are left out unless you include them.`}
                  </span>
                </span>
              </label>
            ) : null}
            <ModalFooter>
              <Button variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button
                variant={action.kind === 'remove' ? 'destructive' : 'primary'}
                disabled={chosen.length === 0}
                onClick={start}
              >
                {label}
              </Button>
            </ModalFooter>
          </>
        )}
      </ModalContent>
    </Modal>
  );
}

function RunProgress({ progress, cancelling }: { progress: Progress | null; cancelling: boolean }) {
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      <div className="flex items-center gap-2 text-sm">
        <Loader2Icon aria-hidden className="size-4 animate-spin" />
        {cancelling
          ? 'Cancelling: actions already sent to LiveKit finish…'
          : progress
            ? `${done} of ${total} done${progress.failed > 0 ? `, ${progress.failed} failed` : ''}`
            : 'Starting…'}
      </div>
      <div
        role="progressbar"
        aria-label="Bulk action progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="bg-muted h-2 overflow-hidden rounded-full"
      >
        <div
          className="bg-primary h-full transition-[width]"
          style={{ width: total > 0 ? `${(done / total) * 100}%` : '0%' }}
        />
      </div>
    </div>
  );
}
