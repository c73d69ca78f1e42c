import type { Metadata } from 'next';

import { LiveIndicator } from '@/components/layout/live-indicator';

import { RoomsView } from '../../../(dashboard)/rooms/_components/rooms-view';

export const metadata: Metadata = { title: 'Rooms' };

/** A tenant's rooms, live, inside a portal's iframe (the token decides which rooms). */
export default function EmbeddedRoomsPage() {
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-lg font-semibold tracking-tight">Rooms</h1>
        <LiveIndicator />
      </div>
      <RoomsView initialError={null} />
    </div>
  );
}
