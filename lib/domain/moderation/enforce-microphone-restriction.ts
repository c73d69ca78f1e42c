import 'server-only';

import { findMicRestriction } from '@/lib/db/microphone-restrictions';

import { auditEnforcement, systemActor } from '../system-enforcement';
import { restrictParticipant, type RestrictOutcome } from './microphone-restriction-rules';

/** The audit action of a restriction applied by live enforcement (a join or a republish). */
export const MIC_RESTRICTION_ENFORCED_ACTION = 'participant.microphone_restricted';

/**
 * Applies a room's restrictions to one participant seen joining, publishing or changing — if the
 * room has restrictions on. A participant that had to be restricted is one audit row by the
 * system actor, naming how it was seen (`via`); a failed attempt is an error row.
 */
export async function enforceMicrophoneRestriction(target: {
  roomName: string;
  identity: string;
  tenant: string | null;
  via: string;
}): Promise<RestrictOutcome | 'off'> {
  const restriction = await findMicRestriction(target.roomName);
  if (!restriction) return 'off';
  const attempt = {
    actor: systemActor('microphone-restrictions', 'Microphone restrictions', target.tenant),
    action: MIC_RESTRICTION_ENFORCED_ACTION,
    target: { roomName: target.roomName, identity: target.identity },
    params: { via: target.via, enabledBy: restriction.enabledBy },
  };
  return auditEnforcement(
    attempt,
    () => restrictParticipant(target.roomName, target.identity, restriction),
    (outcome) => outcome === 'restricted',
  );
}
