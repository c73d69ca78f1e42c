'use client';

import '@livekit/components-styles';

import { LiveKitRoom } from '@livekit/components-react';
import { useQuery } from '@tanstack/react-query';
import { Loader2Icon, VideoOffIcon } from 'lucide-react';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { callOperation } from '@/lib/queries/mutations/call-operation';
import { unwrapAction } from '@/lib/queries/mutations/action-error';

import { WatchGrid } from './watch-grid';

type Failure = { kind: 'connect' | 'disconnected'; message: string };

/**
 * Joins the room hidden and subscribe-only with a fresh popout token (LiveKit refreshes it while
 * connected), publishing nothing. A server the browser cannot open a media connection to ends in
 * a notice, never in an error page: the participants list beside it keeps working.
 */
export function WatchStage({
  roomName,
  serverUrl,
}: {
  roomName: string;
  serverUrl: string | null;
}) {
  // Each attempt is a new token and a new connection.
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const token = useQuery({
    queryKey: ['watch-token', roomName, attempt],
    queryFn: () => unwrapAction(callOperation('requestPopoutToken', { roomName })),
    enabled: serverUrl !== null,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const retry = () => {
    setFailure(null);
    setAttempt((n) => n + 1);
  };

  if (serverUrl === null) {
    return (
      <Notice title="LiveKit is not configured">
        Set LIVEKIT_URL (or LIVEKIT_PUBLIC_URL, the address browsers reach LiveKit at) to watch
        rooms.
      </Notice>
    );
  }
  if (token.error) {
    return (
      <Notice title="Could not get a token to watch this room" onRetry={retry}>
        {token.error.message}
      </Notice>
    );
  }
  if (failure) {
    return failure.kind === 'connect' ? (
      <Notice title="No video from this LiveKit server" onRetry={retry}>
        Moderato could not open a media connection to {serverUrl} ({failure.message}). The server
        may not accept WebRTC clients, or your browser cannot reach it. You can still moderate
        everyone from the participants list.
      </Notice>
    ) : (
      <Notice title="You are no longer watching" onRetry={retry}>
        {failure.message}
      </Notice>
    );
  }
  if (!token.data) return <Connecting />;

  return (
    <LiveKitRoom
      key={attempt}
      serverUrl={serverUrl}
      token={token.data.token}
      connect
      audio={false}
      video={false}
      // The popout token may publish nothing; nothing here asks the browser for devices.
      options={{ adaptiveStream: true, dynacast: false }}
      onError={(error) => setFailure({ kind: 'connect', message: error.message })}
      onDisconnected={(reason) =>
        setFailure(
          (current) =>
            current ?? {
              kind: 'disconnected',
              message: `LiveKit ended the connection${reason === undefined ? '' : ` (${String(reason)})`}. The room may have closed.`,
            },
        )
      }
      data-lk-theme="default"
      className="flex flex-col gap-3 rounded-lg border bg-black/90 p-3"
    >
      <WatchGrid roomName={roomName} />
    </LiveKitRoom>
  );
}

function Connecting() {
  return (
    <div
      role="status"
      className="bg-card text-muted-foreground flex aspect-video items-center justify-center gap-2 rounded-lg border text-sm"
    >
      <Loader2Icon aria-hidden className="size-4 animate-spin" />
      Connecting to LiveKit…
    </div>
  );
}

function Notice({
  title,
  children,
  onRetry,
}: {
  title: string;
  children: React.ReactNode;
  onRetry?: () => void;
}) {
  return (
    <EmptyState
      role="status"
      icon={<VideoOffIcon aria-hidden />}
      title={title}
      className="bg-card rounded-lg border"
    >
      <p className="max-w-prose">{children}</p>
      {onRetry ? (
        <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </EmptyState>
  );
}
