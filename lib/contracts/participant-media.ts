import type { ParticipantDto } from './dto';
import { TOKEN_DEFAULT_PERMISSION } from './participant-permission';

/** Whether a participant publishes a microphone, and whether any of it is live (unmuted). */
export function microphoneState(participant: ParticipantDto): 'live' | 'muted' | 'none' {
  const mics = participant.tracks.filter((t) => t.source === 'MICROPHONE');
  if (mics.length === 0) return 'none';
  return mics.some((t) => !t.muted) ? 'live' : 'muted';
}

/**
 * Whether LiveKit lets the participant publish a screen share: `canPublish`, and an empty source
 * list (every source) or one naming SCREEN_SHARE. Reported without a permission, the token default.
 */
export function mayShareScreen(participant: ParticipantDto): boolean {
  const permission = participant.permission ?? TOKEN_DEFAULT_PERMISSION;
  return (
    permission.canPublish &&
    (permission.canPublishSources.length === 0 ||
      permission.canPublishSources.includes('SCREEN_SHARE'))
  );
}
