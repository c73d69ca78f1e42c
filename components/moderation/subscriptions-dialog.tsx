'use client';

import { useState } from 'react';

import { useUnavailableReason } from '@/components/ui/action-availability';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useUpdateSubscriptions } from '@/lib/queries/mutations/use-update-subscriptions';
import { useParticipants } from '@/lib/queries/participants';

import { trackName } from './labels';
import { Modal, ModalClose, ModalContent, ModalFooter } from '@/components/ui/modal';

/** Subscribe or unsubscribe a participant to chosen tracks of the others. */
export function SubscriptionsDialog({
  roomName,
  identity,
  onClose,
}: {
  roomName: string;
  identity: string;
  onClose: () => void;
}) {
  const { data: participants = [] } = useParticipants(roomName);
  const [selected, setSelected] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const update = useUpdateSubscriptions();
  const unavailable = useUnavailableReason() !== null;
  const needle = search.trim().toLowerCase();
  const publishers = participants
    .filter((p) => p.identity !== identity && p.tracks.length > 0)
    .filter(
      (p) =>
        !needle ||
        p.identity.toLowerCase().includes(needle) ||
        p.name.toLowerCase().includes(needle),
    )
    .slice(0, 100);

  const submit = (subscribe: boolean) =>
    update.mutate({ roomName, identity, trackSids: selected, subscribe }, { onSuccess: onClose });
  const toggle = (sid: string, checked: boolean) =>
    setSelected((s) => (checked ? [...s, sid] : s.filter((x) => x !== sid)));

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())}>
      <ModalContent
        title={`Subscriptions of ${identity}`}
        description="Choose tracks of the others, then subscribe or unsubscribe. LiveKit applies it shortly after; a moderator can subscribe someone even without their subscribe permission."
        className="max-w-xl"
      >
        <div className="flex flex-col gap-3">
          <Input
            type="search"
            aria-label="Filter publishers"
            placeholder="Filter by identity or name"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {publishers.length === 0 ? (
            <p className="text-muted-foreground text-sm">Nobody else publishes tracks.</p>
          ) : (
            <ul className="flex max-h-72 flex-col gap-3 overflow-y-auto rounded-md border p-3">
              {publishers.map((p) => (
                <li key={p.identity}>
                  <fieldset>
                    <legend className="text-sm font-medium">{p.identity}</legend>
                    <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                      {p.tracks.map((track) => (
                        <label key={track.sid} className="flex items-center gap-2 text-sm">
                          <input
                            type="checkbox"
                            className="size-4"
                            checked={selected.includes(track.sid)}
                            onChange={(e) => toggle(track.sid, e.target.checked)}
                          />
                          {`${trackName(track, p.tracks)} of ${p.identity}`}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </li>
              ))}
            </ul>
          )}
          <p className="text-muted-foreground text-xs" aria-live="polite">
            {selected.length} {selected.length === 1 ? 'track' : 'tracks'} selected
          </p>
        </div>
        <ModalFooter>
          <ModalClose asChild>
            <Button variant="secondary">Cancel</Button>
          </ModalClose>
          <Button
            variant="secondary"
            disabled={selected.length === 0 || update.isPending || unavailable}
            aria-busy={update.isPending && update.variables?.subscribe === false}
            onClick={() => submit(false)}
          >
            Unsubscribe {identity}
          </Button>
          <Button
            disabled={selected.length === 0 || update.isPending || unavailable}
            aria-busy={update.isPending && update.variables?.subscribe === true}
            onClick={() => submit(true)}
          >
            Subscribe {identity}
          </Button>
        </ModalFooter>
      </ModalContent>
    </Modal>
  );
}
