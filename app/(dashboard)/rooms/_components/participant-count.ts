import type { ParticipantDto } from '@/lib/contracts/dto';

/**
 * Why LiveKit's `num_participants` can differ from the participants a moderator sees listed
 * (docs/livekit-behaviour.md §3.2 and "Dependent participants"): it leaves out agents and
 * egress/recorders — by kind, or by the `agent`/`recorder` grant — while ListParticipants lists
 * them; hidden participants are listed and counted alike. LiveKit also rebuilds the count at most
 * every few seconds, so it can trail a join or a leave.
 */
export type UncountedRole = 'agent' | 'recorder';

export function uncountedRole(participant: ParticipantDto): UncountedRole | null {
  if (participant.kind === 'AGENT' || participant.permission?.agent) return 'agent';
  if (participant.kind === 'EGRESS' || participant.permission?.recorder) return 'recorder';
  return null;
}

export interface ParticipantCountNote {
  /** "+1 recorder", shown beside LiveKit's count; null when everyone listed is counted. */
  extra: string | null;
  /** One sentence saying why the count and the list differ; null when they agree. */
  explanation: string | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function participantCountNote(
  numParticipants: number,
  listed: readonly ParticipantDto[],
): ParticipantCountNote {
  const uncounted = { agent: 0, recorder: 0 };
  for (const participant of listed) {
    const role = uncountedRole(participant);
    if (role) uncounted[role] += 1;
  }
  const parts = [
    uncounted.agent ? plural(uncounted.agent, 'agent') : null,
    uncounted.recorder ? plural(uncounted.recorder, 'recorder') : null,
  ].filter((part): part is string => part !== null);
  const extra = parts.length > 0 ? `+${parts.join(', ')}` : null;
  const lagging = numParticipants !== listed.length - uncounted.agent - uncounted.recorder;

  const sentences = [
    extra ? 'LiveKit does not count agents or recorders; the list below shows them.' : null,
    lagging
      ? `LiveKit updates this count every few seconds; the list below has ${plural(listed.length, 'participant')} now.`
      : null,
  ].filter(Boolean);

  return { extra, explanation: sentences.length > 0 ? sentences.join(' ') : null };
}
