'use client';

import { useQuery } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';

import type { ParticipantDto } from '@/lib/contracts/dto';
import { isApiError } from '@/lib/queries/fetch-json';
import { useRoomEndedAt } from '@/lib/queries/live-stream';
import { participantsQueryOptions } from '@/lib/queries/participants';
import { useRoom } from '@/lib/queries/rooms';

/**
 * Whether the room ended while its page is open: a room.finished event arrived, or the room's
 * query (polling while the stream is down) answers not found after having loaded.
 */
export function useRoomEnded(roomName: string): boolean {
  const endedAt = useRoomEndedAt(roomName);
  const { error } = useRoom(roomName);

  return endedAt !== null || isApiError(error, 'not_found');
}

/**
 * Whether `identity` has left the room: its participant list is loaded and no longer has them.
 * Reads the cache only (no fetch of its own); unknown (not loaded) is not "gone".
 */
export function useParticipantGone(roomName: string, identity: string): boolean {
  const { data: present } = useQuery({
    ...participantsQueryOptions(roomName),
    enabled: false,
    select: (participants) => participants.some((p) => p.identity === identity),
  });

  return present === false;
}

/**
 * Participants kept on screen after they left, while a dialog about them is open: their table row
 * (and with it the ⋮ menu that owns the dialog) would otherwise unmount and take the dialog along,
 * so the moderator would never learn why it vanished. The dialog stays, says they left, and its
 * confirm is disabled; the row goes when the dialog closes.
 */
export class ParticipantPins {
  private pins = new Map<string, { snapshot: ParticipantDto; count: number }>();
  private snapshot: ReadonlyMap<string, ParticipantDto> = new Map();
  private readonly listeners = new Set<() => void>();

  pin(participant: ParticipantDto): () => void {
    const current = this.pins.get(participant.identity);
    this.pins.set(participant.identity, {
      snapshot: participant,
      count: (current?.count ?? 0) + 1,
    });
    this.publish();
    return () => {
      const entry = this.pins.get(participant.identity);
      if (!entry) return;
      if (entry.count > 1)
        this.pins.set(participant.identity, { ...entry, count: entry.count - 1 });
      else this.pins.delete(participant.identity);
      this.publish();
    };
  }

  get = (): ReadonlyMap<string, ParticipantDto> => this.snapshot;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private publish() {
    this.snapshot = new Map([...this.pins].map(([identity, { snapshot }]) => [identity, snapshot]));
    for (const listener of this.listeners) listener();
  }
}

const PinsContext = createContext<ParticipantPins | null>(null);

/** The pins of one participants panel, and what is pinned now. */
export function useParticipantPins(): {
  pins: ParticipantPins;
  pinned: ReadonlyMap<string, ParticipantDto>;
} {
  const [pins] = useState(() => new ParticipantPins());
  const pinned = useSyncExternalStore(pins.subscribe, pins.get, pins.get);

  return { pins, pinned };
}

/** Lets the ⋮ menus and the side sheet below pin their participant. */
export function ParticipantPinsProvider({
  pins,
  children,
}: {
  pins: ParticipantPins;
  children: ReactNode;
}) {
  return <PinsContext value={pins}>{children}</PinsContext>;
}

/** Keeps `participant` on screen while `keep` is true (a dialog about them is open). */
export function useKeepParticipant(participant: ParticipantDto, keep: boolean): void {
  const pins = useContext(PinsContext);
  useEffect(() => {
    if (!pins || !keep) return;
    return pins.pin(participant);
  }, [pins, participant, keep]);
}
