'use client';

import { Loader2Icon, MicIcon, MicOffIcon } from 'lucide-react';
import { useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { ReturnFocusTo } from '@/components/ui/return-focus';
import type { TrackDto } from '@/lib/contracts/dto';
import { useMuteTrack, type MuteTrackVariables } from '@/lib/queries/mutations/use-mute-track';

import { trackName } from './labels';
import { UnmuteRefusedDialog } from './unmute-refused-dialog';

/** Mute/unmute one track (participant detail panel); a refused unmute offers "Ask to unmute". */
export function TrackMuteButton({
  roomName,
  identity,
  track,
  tracks,
}: {
  roomName: string;
  identity: string;
  track: TrackDto;
  tracks: TrackDto[];
}) {
  const [refused, setRefused] = useState<MuteTrackVariables | null>(null);
  const mute = useMuteTrack({ onRefused: setRefused });
  const buttonRef = useRef<HTMLButtonElement>(null);
  const name = trackName(track, tracks);
  const muted = !track.muted;
  const label = `${muted ? 'Mute' : 'Unmute'} ${name} of ${identity}`;

  return (
    <>
      <Button
        ref={buttonRef}
        variant="secondary"
        size="sm"
        aria-label={label}
        title={label}
        disabled={mute.isPending}
        aria-busy={mute.isPending}
        onClick={() =>
          mute.mutate({
            input: { roomName, identity, trackSid: track.sid, muted },
            target: `${name} of ${identity}`,
          })
        }
      >
        {mute.isPending ? (
          <Loader2Icon aria-hidden className="animate-spin" />
        ) : muted ? (
          <MicOffIcon aria-hidden />
        ) : (
          <MicIcon aria-hidden />
        )}
        {muted ? 'Mute' : 'Unmute'}
      </Button>
      {refused ? (
        <ReturnFocusTo target={buttonRef}>
          <UnmuteRefusedDialog
            roomName={roomName}
            identity={identity}
            trackSid={track.sid}
            target={name}
            onClose={() => setRefused(null)}
          />
        </ReturnFocusTo>
      ) : null}
    </>
  );
}
