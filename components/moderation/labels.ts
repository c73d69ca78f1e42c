import type { TrackDto, TrackSource } from '@/lib/queries/dto';

const SOURCE_NAMES: Record<TrackSource, string> = {
  MICROPHONE: 'microphone',
  CAMERA: 'camera',
  SCREEN_SHARE: 'screen share',
  SCREEN_SHARE_AUDIO: 'screen share audio',
  UNKNOWN: 'track',
};

/** "microphone", "camera"… — with the track name when a participant has two of a kind. */
export function trackName(track: TrackDto, tracks: TrackDto[] = [track]): string {
  const base = SOURCE_NAMES[track.source];
  const twins = tracks.filter((t) => t.source === track.source);
  if (twins.length <= 1) return base;

  return track.name ? `${base} “${track.name}”` : `${base} ${twins.indexOf(track) + 1}`;
}

export const sourceName = (source: TrackSource) => SOURCE_NAMES[source];
