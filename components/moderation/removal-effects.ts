import type { ParticipantDto } from '@/lib/contracts/dto';

/**
 * What removing a participant stops, beyond disconnecting a person. LiveKit marks recorders and
 * agents by `kind` (EGRESS, AGENT) or, on older tokens, by the `recorder` / `agent` permission
 * flags; SIP, ingress, connector and bridge participants carry a call or a stream into the room
 * (docs/livekit-behaviour.md §4.3).
 */
const EFFECTS = {
  recorder: 'Removing this recorder stops the recording (or live stream) it is making.',
  agent: 'Removing this agent stops it: it no longer listens or answers in this room.',
  SIP: 'Removing this phone participant hangs up their call.',
  INGRESS: 'Removing this ingress stops the stream it brings into the room.',
  CONNECTOR: 'Removing this connector ends the conversation it brings into the room.',
  BRIDGE: 'Removing this bridge stops the media it brings into the room.',
} as const;

export function removalEffect(
  participant: Pick<ParticipantDto, 'kind' | 'permission'>,
): string | null {
  const { kind, permission } = participant;
  if (kind === 'EGRESS' || permission?.recorder) return EFFECTS.recorder;
  if (kind === 'AGENT' || permission?.agent) return EFFECTS.agent;
  if (kind === 'SIP' || kind === 'INGRESS' || kind === 'CONNECTOR' || kind === 'BRIDGE') {
    return EFFECTS[kind];
  }

  return null;
}
