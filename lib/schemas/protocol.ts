/**
 * Messages Moderato sends to participants' apps as LiveKit data packets. Documented in the README so
 * client apps can react to them.
 */
import type { TrackSource } from '@/lib/contracts/tracks';

/** Topic of the "please unmute" request (reliable, sent only to the participant concerned). */
export const UNMUTE_REQUEST_TOPIC = 'moderato.unmute-request';

export interface UnmuteRequestMessage {
  type: 'unmute_request';
  trackSid: string;
  source: TrackSource;
  /** Display name of the moderator who asked. */
  requestedBy: string;
}
