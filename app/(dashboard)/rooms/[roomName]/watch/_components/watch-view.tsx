'use client';

import dynamic from 'next/dynamic';

import { Skeleton } from '@/components/ui/skeleton';
import { ParticipantsPanel } from '../../_components/participants-panel';

// LiveKit's client needs the browser's WebRTC: it is never rendered on the server.
const WatchStage = dynamic(() => import('./watch-stage').then((m) => m.WatchStage), {
  ssr: false,
  loading: () => <Skeleton className="aspect-video w-full rounded-lg" />,
});

/** The video of the room, and beside it the participants with their moderation controls. */
export function WatchView({ roomName, serverUrl }: { roomName: string; serverUrl: string | null }) {
  return (
    <div className="grid gap-6 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <section aria-label="Room video" className="flex min-w-0 flex-col gap-3">
        <WatchStage roomName={roomName} serverUrl={serverUrl} />
      </section>
      <section aria-label="Participants and moderation" className="min-w-0">
        <ParticipantsPanel roomName={roomName} initialError={null} />
      </section>
    </div>
  );
}
