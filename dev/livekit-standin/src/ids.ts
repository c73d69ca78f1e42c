import { randomBytes } from 'node:crypto';
import { TrackSource, TrackType } from '@livekit/protocol';

// shortuuid's base57 alphabet, as used by LiveKit's guid package (§4.1).
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function randomBase57(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      // Rejection sampling keeps the distribution uniform (57 does not divide 256).
      if (b < 228 && out.length < length) out += ALPHABET[b % 57];
    }
  }
  return out;
}

export const newId = (prefix: string): string => prefix + randomBase57(12);

export const IdPrefix = {
  room: 'RM_',
  participant: 'PA_',
  track: 'TR_',
  egress: 'EG_',
  ingress: 'IN_',
  dispatch: 'AD_',
  event: 'EV_',
} as const;

const SOURCE_LETTER: Record<TrackSource, string> = {
  [TrackSource.UNKNOWN]: '',
  [TrackSource.CAMERA]: 'C',
  [TrackSource.MICROPHONE]: 'M',
  [TrackSource.SCREEN_SHARE]: 'S',
  [TrackSource.SCREEN_SHARE_AUDIO]: 's',
};

/** Media track sids carry type and source letters after `TR_` (§4.1), e.g. `TR_AM…`, `TR_VC…`. */
export function newTrackSid(type: TrackType, source: TrackSource): string {
  const typeLetter = type === TrackType.AUDIO ? 'A' : type === TrackType.VIDEO ? 'V' : 'D';
  return newId(IdPrefix.track + typeLetter + SOURCE_LETTER[source]);
}
