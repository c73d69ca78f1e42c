/**
 * Messages Moderato sends to participants' apps as LiveKit data packets, and the answers it
 * understands. Documented in docs/moderation.md ("Consent requests") so client apps can react.
 */
import { z } from 'zod';

import { CONSENT_REQUESTS } from '@/lib/contracts/consent';
import type { TrackSource } from '@/lib/contracts/tracks';

/** Topic of the "please unmute" request (reliable, sent only to the participant concerned). */
export const UNMUTE_REQUEST_TOPIC = 'moderato.unmute-request';

export interface UnmuteRequestMessage {
  type: 'unmute_request';
  /** Echoed in the answer (CONSENT_ANSWER_TOPIC), so the timeline pairs the two. */
  requestId: string;
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

/** Topic of the "please turn on your camera" request (reliable, sent only to the participant). */
export const CAMERA_REQUEST_TOPIC = 'moderato.camera-request';

export interface CameraRequestMessage {
  type: 'camera_request';
  requestId: string;
  /** Display name of the moderator who asked. */
  requestedBy: string;
}

/**
 * Topic on which a participant's app may answer a request, to everyone in the room or to the
 * moderators watching: `{"type":"consent_answer","requestId":"…","request":"camera","accepted":true}`.
 * LiveKit gives servers no way to read data packets, so Moderato hears answers through a
 * moderator's watch view (a hidden participant) or a backend that relays them to
 * `recordConsentAnswer`.
 */
export const CONSENT_ANSWER_TOPIC = 'moderato.consent-answer';

export const consentAnswerMessageSchema = z.object({
  type: z.literal('consent_answer'),
  requestId: z.string().min(1).max(64),
  request: z.enum(CONSENT_REQUESTS),
  accepted: z.boolean(),
});
export type ConsentAnswerMessage = z.infer<typeof consentAnswerMessageSchema>;
