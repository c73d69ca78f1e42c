'use client';

import { Loader2Icon } from 'lucide-react';
import { useId, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Modal, ModalContent, ModalFooter } from '@/components/ui/modal';
import type { ParticipantDto } from '@/lib/contracts/dto';
import { useEnableMicrophoneRestrictions } from '@/lib/queries/mutations/use-moderation-commands';

/**
 * Picks who may keep their microphone, then restricts everyone else. Restricting mutes people, so
 * the dialog says how many it affects before the moderator confirms.
 */
export function RestrictMicrophonesDialog({
  open,
  onOpenChange,
  roomName,
  participants,
  current,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  roomName: string;
  participants: readonly ParticipantDto[];
  current: readonly string[];
}) {
  const enable = useEnableMicrophoneRestrictions();

  return (
    <Modal open={open} onOpenChange={(next) => (enable.isPending ? undefined : onOpenChange(next))}>
      <ModalContent
        title="Restrict microphones"
        description="Everyone not ticked is muted and cannot unmute until the restrictions are lifted, including people who join later."
      >
        {/* Mounted with each opening, so the picker starts from the current allow-list. */}
        <RestrictForm
          participants={participants}
          current={current}
          pending={enable.isPending}
          onCancel={() => onOpenChange(false)}
          onSubmit={(unrestrictedParticipants) =>
            enable.mutate(
              { roomName, unrestrictedParticipants },
              { onSuccess: () => onOpenChange(false) },
            )
          }
        />
      </ModalContent>
    </Modal>
  );
}

function RestrictForm({
  participants,
  current,
  pending,
  onCancel,
  onSubmit,
}: {
  participants: readonly ParticipantDto[];
  current: readonly string[];
  pending: boolean;
  onCancel: () => void;
  onSubmit: (unrestricted: string[]) => void;
}) {
  const [allowed, setAllowed] = useState<ReadonlySet<string>>(() => new Set(current));
  const legendId = useId();
  const toggle = (identity: string, on: boolean) =>
    setAllowed((prev) => {
      const next = new Set(prev);
      if (on) next.add(identity);
      else next.delete(identity);
      return next;
    });
  const affected = participants.filter((p) => !allowed.has(p.identity)).length;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit([...allowed]);
      }}
    >
      <fieldset aria-labelledby={legendId} className="flex flex-col gap-2">
        <legend id={legendId} className="text-sm font-medium">
          May keep their microphone
        </legend>
        {participants.length === 0 ? (
          <p className="text-muted-foreground text-sm">Nobody is in the room yet.</p>
        ) : (
          <ul className="flex max-h-64 flex-col gap-1 overflow-y-auto">
            {participants.map((p) => (
              <li key={p.identity}>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={allowed.has(p.identity)}
                    onChange={(e) => toggle(p.identity, e.currentTarget.checked)}
                  />
                  <span className="font-medium">{p.identity}</span>
                  {p.name && p.name !== p.identity ? (
                    <span className="text-muted-foreground text-xs">{p.name}</span>
                  ) : null}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <p className="text-muted-foreground mt-3 text-sm" role="status">
        {affected === 1 ? '1 participant' : `${affected} participants`} in the room will be
        restricted.
      </p>
      <ModalFooter>
        <Button type="button" variant="secondary" disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="destructive" disabled={pending} aria-busy={pending}>
          {pending ? <Loader2Icon aria-hidden className="animate-spin" /> : null}
          Restrict microphones
        </Button>
      </ModalFooter>
    </form>
  );
}
