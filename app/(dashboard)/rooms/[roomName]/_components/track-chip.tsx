import {
  CircleDotIcon,
  MicIcon,
  MicOffIcon,
  MonitorUpIcon,
  VideoIcon,
  VideoOffIcon,
} from 'lucide-react';

import type { TrackDto } from '@/lib/contracts/dto';
import { TRACK_SOURCE_INFO } from '@/lib/contracts/tracks';
import { cn } from '@/lib/utils';

function TrackIcon({ track }: { track: TrackDto }) {
  const props = { 'aria-hidden': true, className: 'size-3.5 shrink-0' } as const;
  if (track.source === 'SCREEN_SHARE' || track.source === 'SCREEN_SHARE_AUDIO') {
    return <MonitorUpIcon {...props} />;
  }
  if (track.type === 'AUDIO')
    return track.muted ? <MicOffIcon {...props} /> : <MicIcon {...props} />;
  if (track.type === 'VIDEO')
    return track.muted ? <VideoOffIcon {...props} /> : <VideoIcon {...props} />;

  return <CircleDotIcon {...props} />;
}

/** A published track in one line: source, type, muted state and simulcast layers. */
export function TrackChip({ track }: { track: TrackDto }) {
  const layers = track.layers.map((layer) => layer.quality.toLowerCase());
  const simulcast = `simulcast${layers.length > 0 ? ` ${layers.join('/')}` : ''}`;

  return (
    // At most as wide as its cell (a narrow screen): the simulcast layers are cut short first, and
    // the tooltip says them in full.
    <span
      title={
        [track.name, track.simulcast ? simulcast : ''].filter(Boolean).join(' · ') || undefined
      }
      className={cn(
        'inline-flex max-w-full items-center gap-1.5 rounded-md border px-1.5 py-0.5 text-xs whitespace-nowrap',
        track.muted ? 'bg-muted text-muted-foreground' : 'bg-card',
      )}
    >
      <TrackIcon track={track} />
      <span className="font-medium">{TRACK_SOURCE_INFO[track.source].label}</span>
      <span className="text-muted-foreground">{track.type.toLowerCase()}</span>
      {track.muted ? <span className="text-destructive font-medium">muted</span> : null}
      {track.simulcast ? (
        <span className="text-muted-foreground min-w-0 truncate">{simulcast}</span>
      ) : null}
    </span>
  );
}
