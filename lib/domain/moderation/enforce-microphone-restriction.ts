import 'server-only';

import { ROLE_PERMISSIONS } from '@/lib/contracts/permissions';
import { findMicRestriction } from '@/lib/db/microphone-restrictions';

import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { notifyAuditObservers } from '../audit-observers';
import { restrictParticipant, type RestrictOutcome } from './microphone-restriction-rules';

/** The audit action of a restriction applied by live enforcement (a join or a republish). */
export const MIC_RESTRICTION_ENFORCED_ACTION = 'participant.microphone_restricted';

/** Who enforcement is audited as; the room's tenant, so the row shows in that tenant's log. */
function enforcerActor(tenant: string | null): Actor {
  return {
    userId: 'system:microphone-restrictions',
    username: 'microphone restrictions',
    name: 'Microphone restrictions',
    role: 'admin',
    permissions: ROLE_PERMISSIONS.admin,
    tenant,
    rooms: null,
    source: 'system',
  };
}

/**
 * Applies a room's restrictions to one participant seen joining, publishing or changing — if the
 * room has restrictions on. A participant that had to be restricted is one audit row by the
 * system actor, naming how it was seen (`via`).
 */
export async function enforceMicrophoneRestriction(target: {
  roomName: string;
  identity: string;
  tenant: string | null;
  via: string;
}): Promise<RestrictOutcome | 'off'> {
  const restriction = await findMicRestriction(target.roomName);
  if (!restriction) return 'off';
  const outcome = await restrictParticipant(target.roomName, target.identity, restriction);
  if (outcome === 'restricted') {
    const entry = {
      actor: enforcerActor(target.tenant),
      action: MIC_RESTRICTION_ENFORCED_ACTION,
      target: { roomName: target.roomName, identity: target.identity },
      params: { via: target.via, enabledBy: restriction.enabledBy },
    };
    await recordAudit({ ...entry, outcome: 'success' });
    notifyAuditObservers({ ...entry, outcome: 'success', atMs: Date.now() });
  }
  return outcome;
}
