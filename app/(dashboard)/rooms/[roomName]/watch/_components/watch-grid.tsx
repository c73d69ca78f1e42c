'use client';

import {
  GridLayout,
  ParticipantTile,
  RoomAudioRenderer,
  useConnectionState,
  useRoomContext,
  useSpeakingParticipants,
  useTracks,
} from '@livekit/components-react';
import { ConnectionState, Track } from 'livekit-client';
import { Loader2Icon, UsersIcon, Volume2Icon, VolumeXIcon } from 'lucide-react';
import { useState } from 'react';

import { Button } from '@/components/ui/button';

import { useRelayConsentAnswers } from './use-relay-consent-answers';

/** Cameras (a tile per participant, placeholder when off) and every screen share. */
const SOURCES = [
  { source: Track.Source.Camera, withPlaceholder: true },
  { source: Track.Source.ScreenShare, withPlaceholder: false },
];

/**
 * The participants grid, who is speaking, and the room's audio — silent until the moderator
 * chooses to listen (which is also the click browsers require before playing sound).
 */
export function WatchGrid({ roomName }: { roomName: string }) {
  const state = useConnectionState();
  // The watcher itself is a hidden participant with no camera: no tile of its own.
  const tracks = useTracks(SOURCES, { onlySubscribed: false }).filter(
    (track) => !track.participant.isLocal,
  );
  const speaking = useSpeakingParticipants();
  const room = useRoomContext();
  const [listening, setListening] = useState(false);
  useRelayConsentAnswers(roomName);

  if (state === ConnectionState.Connecting || state === ConnectionState.Disconnected) {
    return (
      <p role="status" className="flex items-center gap-2 p-6 text-sm text-white/80">
        <Loader2Icon aria-hidden className="size-4 animate-spin" />
        Connecting to LiveKit…
      </p>
    );
  }

  const speakers = speaking.map((p) => p.name || p.identity);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-white/90">
        <p aria-live="polite">
          {state === ConnectionState.Reconnecting
            ? 'Reconnecting…'
            : speakers.length > 0
              ? `Speaking: ${speakers.join(', ')}`
              : 'Nobody is speaking'}
        </p>
        <Button
          size="sm"
          variant="secondary"
          aria-pressed={listening}
          onClick={() => {
            if (!listening) void room.startAudio();
            setListening(!listening);
          }}
        >
          {listening ? <Volume2Icon aria-hidden /> : <VolumeXIcon aria-hidden />}
          {listening ? 'Stop listening' : 'Listen to the room'}
        </Button>
      </div>
      {tracks.length === 0 ? (
        <p className="flex aspect-video flex-col items-center justify-center gap-2 text-sm text-white/80">
          <UsersIcon aria-hidden className="size-8" />
          Nobody is in the room yet.
        </p>
      ) : (
        <GridLayout tracks={tracks} className="aspect-video" aria-label="Participants’ video">
          <ParticipantTile />
        </GridLayout>
      )}
      <RoomAudioRenderer muted={!listening} />
    </>
  );
}
