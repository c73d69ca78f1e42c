import type { TrackDto } from '@/lib/contracts/dto';
import { TRACK_SOURCE_INFO } from '@/lib/contracts/tracks';

/** "microphone", "camera"… — with the track name when a participant has two of a kind. */
export function trackName(track: TrackDto, tracks: TrackDto[] = [track]): string {
  const base = TRACK_SOURCE_INFO[track.source].noun;
  const twins = tracks.filter((t) => t.source === track.source);
  if (twins.length <= 1) return base;

  return track.name ? `${base} “${track.name}”` : `${base} ${twins.indexOf(track) + 1}`;
}
