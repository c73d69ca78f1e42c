'use client';

import { Loader2Icon } from 'lucide-react';
import { useId, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Modal, ModalContent, ModalFooter } from '@/components/ui/modal';
import { textareaClassName } from '@/components/ui/textarea-class';
import { useLockRoom } from '@/lib/queries/mutations/use-room-lock';
import { allowListProblem, parseAllowList } from '@/lib/schemas/room-locks';

/**
 * Locks the room, or changes the allow-list of a locked one: identities that may still join,
 * one per line (or separated by commas). Those in the room stay either way.
 */
export function LockRoomDialog({
  open,
  onOpenChange,
  roomName,
  current,
  locked,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  roomName: string;
  current: readonly string[];
  locked: boolean;
}) {
  const lock = useLockRoom();
  const title = locked ? `Allow-list of ${roomName}` : `Lock room ${roomName}`;

  return (
    <Modal open={open} onOpenChange={(next) => (lock.isPending ? undefined : onOpenChange(next))}>
      <ModalContent
        title={title}
        description="Whoever joins while the room is locked is told it is locked and removed at once. Moderators, agents, egress and recorders may always join; those in the room now stay."
      >
        {/* Mounted with each opening, so the field starts from the current allow-list. */}
        <LockForm
          current={current}
          pending={lock.isPending}
          submitLabel={locked ? 'Save allow-list' : 'Lock room'}
          onCancel={() => onOpenChange(false)}
          onSubmit={(allowList) =>
            lock.mutate({ roomName, allowList }, { onSuccess: () => onOpenChange(false) })
          }
        />
      </ModalContent>
    </Modal>
  );
}

function LockForm({
  current,
  pending,
  submitLabel,
  onCancel,
  onSubmit,
}: {
  current: readonly string[];
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (allowList: string[]) => void;
}) {
  const [text, setText] = useState(() => current.join('\n'));
  const fieldId = useId();
  const hintId = useId();
  const allowList = parseAllowList(text);
  const problem = allowListProblem(allowList);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onSubmit(allowList);
      }}
      className="flex flex-col gap-2"
    >
      <label htmlFor={fieldId} className="text-sm font-medium">
        May still join (identities)
      </label>
      <textarea
        id={fieldId}
        aria-describedby={hintId}
        aria-invalid={problem ? true : undefined}
        className={textareaClassName}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        placeholder={'speaker-1\nlate-guest'}
      />
      <p id={hintId} className="text-muted-foreground text-sm" role="status">
        {problem
          ? problem
          : allowList.length === 0
            ? 'One identity per line. Empty: only moderators may join.'
            : `${allowList.length} ${allowList.length === 1 ? 'identity' : 'identities'} may still join.`}
      </p>
      <ModalFooter>
        <Button type="button" variant="secondary" disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending || problem !== null} aria-busy={pending}>
          {pending ? <Loader2Icon aria-hidden className="animate-spin" /> : null}
          {submitLabel}
        </Button>
      </ModalFooter>
    </form>
  );
}
