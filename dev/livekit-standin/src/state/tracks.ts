import {
  SimulcastCodecInfo,
  TrackInfo,
  TrackSource,
  TrackType,
  VideoLayer,
  VideoQuality,
} from '@livekit/protocol';
import { newTrackSid } from '../ids';

export interface TrackSpec {
  type: TrackType;
  source: TrackSource;
  name?: string;
  muted?: boolean;
  simulcast?: boolean;
}

// Track names livekit-client gives by default.
const DEFAULT_NAMES: Record<TrackSource, string> = {
  [TrackSource.UNKNOWN]: '',
  [TrackSource.CAMERA]: 'camera',
  [TrackSource.MICROPHONE]: 'microphone',
  [TrackSource.SCREEN_SHARE]: 'screen_share',
  [TrackSource.SCREEN_SHARE_AUDIO]: 'screen_share_audio',
};

const LAYERS = [
  { quality: VideoQuality.LOW, scale: 4, bitrate: 150_000, rid: 'q' },
  { quality: VideoQuality.MEDIUM, scale: 2, bitrate: 500_000, rid: 'h' },
  { quality: VideoQuality.HIGH, scale: 1, bitrate: 1_700_000, rid: 'f' },
];

/** A believable TrackInfo for a simulated publication (no media flows). */
export function buildTrackInfo(spec: TrackSpec, index: number): TrackInfo {
  const sid = newTrackSid(spec.type, spec.source);
  const name = spec.name ?? DEFAULT_NAMES[spec.source];
  const mid = String(index);
  if (spec.type !== TrackType.VIDEO) {
    return new TrackInfo({
      sid,
      type: spec.type,
      name,
      muted: spec.muted ?? false,
      source: spec.source,
      mimeType: 'audio/opus',
      mid,
      codecs: [new SimulcastCodecInfo({ mimeType: 'audio/opus', mid })],
    });
  }
  const isScreen = spec.source === TrackSource.SCREEN_SHARE;
  const width = isScreen ? 1920 : 1280;
  const height = isScreen ? 1080 : 720;
  const layers = (spec.simulcast ? LAYERS : LAYERS.slice(2)).map(
    (l) =>
      new VideoLayer({
        quality: l.quality,
        width: width / l.scale,
        height: height / l.scale,
        bitrate: l.bitrate,
        rid: spec.simulcast ? l.rid : '',
      }),
  );
  return new TrackInfo({
    sid,
    type: spec.type,
    name,
    muted: spec.muted ?? false,
    source: spec.source,
    width,
    height,
    simulcast: spec.simulcast ?? false,
    mimeType: 'video/VP8',
    mid,
    layers,
    codecs: [new SimulcastCodecInfo({ mimeType: 'video/VP8', mid, layers })],
  });
}
