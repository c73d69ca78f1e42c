'use client';

import { CloudOffIcon } from 'lucide-react';
import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useMoveParticipant } from '@/lib/queries/mutations/use-move-participant';
import { useRooms } from '@/lib/queries/rooms';

import { useMoveCapability } from './use-move-capability';
import { Modal, ModalClose, ModalContent, ModalFooter } from '@/components/ui/modal';
import { SubmitButton } from '@/components/ui/submit-button';

/** Why Move/Forward is off for this server; shown in the dialog and next to the menu item. */
export const MOVE_UNSUPPORTED_REASON =
  'Moving and forwarding participants needs LiveKit Cloud; this LiveKit server does not support it.';

/** Move (or forward) a participant to another room, picked from the rooms list with a search. */
export function MoveParticipantDialog({
  roomName,
  identity,
  onClose,
}: {
  roomName: string;
  identity: string;
  onClose: () => void;
}) {
  const capability = useMoveCapability();
  const { data: rooms = [] } = useRooms();
  const move = useMoveParticipant();
  const [mode, setMode] = useState<'move' | 'forward'>('move');
  const [destination, setDestination] = useState('');
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search).trim().toLowerCase();
  const candidates = useMemo(
    () =>
      rooms
        .filter((r) => r.name !== roomName && (!needle || r.name.toLowerCase().includes(needle)))
        .slice(0, 50),
    [rooms, roomName, needle],
  );
  const unsupported = capability === 'unsupported';

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!destination || unsupported) return;
    move.mutate({ roomName, identity, destinationRoom: destination, mode }, { onSuccess: onClose });
  };

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())}>
      <ModalContent title={`Move or forward ${identity}`} className="max-w-xl">
        {unsupported ? (
          <p role="status" className="bg-muted mb-4 flex gap-2 rounded-md px-3 py-2 text-sm">
            <CloudOffIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
            {MOVE_UNSUPPORTED_REASON}
          </p>
        ) : null}
        <form onSubmit={handleSubmit} className="flex flex-col gap-4">
          <fieldset className="flex flex-col gap-2" disabled={unsupported}>
            <legend className="mb-1 text-sm font-medium">Action</legend>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="mode"
                className="mt-0.5 size-4"
                checked={mode === 'move'}
                onChange={() => setMode('move')}
              />
              <span>
                Move
                <span className="text-muted-foreground block text-xs">
                  {identity} leaves {roomName} and joins the destination room.
                </span>
              </span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="mode"
                className="mt-0.5 size-4"
                checked={mode === 'forward'}
                onChange={() => setMode('forward')}
              />
              <span>
                Forward
                <span className="text-muted-foreground block text-xs">
                  {identity} stays here; their tracks are also shared in the destination room.
                </span>
              </span>
            </label>
          </fieldset>
          <fieldset className="flex flex-col gap-2" disabled={unsupported}>
            <legend className="mb-1 text-sm font-medium">Destination room</legend>
            <Input
              type="search"
              aria-label="Search destination rooms"
              placeholder="Search rooms by name"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <div
              role="radiogroup"
              aria-label="Destination room"
              className="flex max-h-56 flex-col overflow-y-auto rounded-md border p-2"
            >
              {candidates.map((room) => (
                <label
                  key={room.name}
                  className="hover:bg-muted flex items-center gap-2 rounded px-1 py-1 text-sm"
                >
                  <input
                    type="radio"
                    name="destination"
                    className="size-4"
                    checked={destination === room.name}
                    onChange={() => setDestination(room.name)}
                  />
                  <span className="truncate font-medium">{room.name}</span>
                  <span className="text-muted-foreground ml-auto text-xs tabular-nums">
                    {room.numParticipants} in room
                  </span>
                </label>
              ))}
              {candidates.length === 0 ? (
                <p className="text-muted-foreground px-1 py-1 text-sm">No other room matches.</p>
              ) : null}
            </div>
          </fieldset>
          <ModalFooter>
            <ModalClose asChild>
              <Button variant="secondary">Cancel</Button>
            </ModalClose>
            <SubmitButton pending={move.isPending} disabled={!destination || unsupported}>
              {mode === 'move' ? `Move ${identity}` : `Forward ${identity}`}
            </SubmitButton>
          </ModalFooter>
        </form>
      </ModalContent>
    </Modal>
  );
}
