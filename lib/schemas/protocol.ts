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

/**
 * Topic of seed 002's `force_muted` event (OpenTalk's ForceMuted, docs/livekit-behaviour.md §12):
 * reliable, sent only to each participant whose microphone a moderator muted. Payload:
 * `{"message":"force_muted","moderator":"<moderator id>"}`.
 */
export const FORCE_MUTED_TOPIC = 'moderato.force-muted';

/**
 * Topic of `microphone_restrictions_enabled` / `microphone_restrictions_disabled` (OpenTalk's
 * events, verbatim), reliable, sent to everyone in the room when a moderator changes the state, so
 * apps can show who may unmute.
 */
export const MICROPHONE_RESTRICTIONS_TOPIC = 'moderato.microphone-restrictions';
