import { z } from 'zod';

/** What "Ask to unmute" and "Ask to turn on camera" answer: the id the participant's answer echoes. */
export const consentRequestResultSchema = z
  .object({ requestId: z.string() })
  .meta({ id: 'ConsentRequestResult' });
export type ConsentRequestResultDto = z.infer<typeof consentRequestResultSchema>;

/** The requests a participant can answer: remote unmute and camera are theirs to turn on. */
export const CONSENT_REQUESTS = ['unmute', 'camera'] as const;
export type ConsentRequest = (typeof CONSENT_REQUESTS)[number];

/** The audit action of each request (`track.unmute_requested` predates the camera request). */
export const REQUEST_ACTIONS: Record<ConsentRequest, string> = {
  unmute: 'track.unmute_requested',
  camera: 'participant.camera_requested',
};

/**
 * An answer is recorded as an action of its own per kind and answer, so the timeline — which
 * shows an action's name, not its params — can say what was answered.
 */
export function answerAction(request: ConsentRequest, accepted: boolean): string {
  return `participant.${request}_request_${accepted ? 'accepted' : 'declined'}`;
}

export const ANSWER_ACTIONS: readonly string[] = CONSENT_REQUESTS.flatMap((request) => [
  answerAction(request, true),
  answerAction(request, false),
]);
