'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** Where the room list and each room's page live: the dashboard's by default. */
const RoomLinksContext = createContext('/rooms');

/**
 * Points the room views' links at another set of pages: an embedded room list links to embedded
 * rooms, never to dashboard pages the iframe has no session for.
 */
export function RoomLinksProvider({ base, children }: { base: string; children: ReactNode }) {
  return <RoomLinksContext value={base}>{children}</RoomLinksContext>;
}

/** `href(roomName)` → that room's page; `href()` → the room list. */
export function useRoomHref(): (roomName?: string) => string {
  const base = useContext(RoomLinksContext);
  return (roomName) => (roomName === undefined ? base : `${base}/${encodeURIComponent(roomName)}`);
}
