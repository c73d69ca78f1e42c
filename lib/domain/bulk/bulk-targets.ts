import 'server-only';

import { protectedReason } from '@/lib/contracts/bulk';
import type { ParticipantDto } from '@/lib/contracts/dto';

export interface TargetSelection {
  targets: ParticipantDto[];
  /** Left out: protected participants (unless included). */
  skipped: { identity: string; reason: string }[];
  /** Named but not in the room (any more). */
  missing: string[];
}

/**
 * Who a bulk run acts on, from one listing of the room: the named identities (or everyone), less
 * the protected participants unless the moderator included them. A named moderator is still left
 * out without `includeProtected`: a selection made by shift-click should not reach them by accident.
 */
export function selectTargets(
  participants: readonly ParticipantDto[],
  options: { identities?: readonly string[]; includeProtected: boolean },
): TargetSelection {
  const byIdentity = new Map(participants.map((p) => [p.identity, p]));
  const named = options.identities ? [...new Set(options.identities)] : null;
  const candidates = named
    ? named.flatMap((identity) => byIdentity.get(identity) ?? [])
    : [...participants];
  const missing = named ? named.filter((identity) => !byIdentity.has(identity)) : [];
  const targets: ParticipantDto[] = [];
  const skipped: TargetSelection['skipped'] = [];
  for (const participant of candidates) {
    const reason = options.includeProtected ? null : protectedReason(participant);
    if (reason) skipped.push({ identity: participant.identity, reason });
    else targets.push(participant);
  }
  return { targets, skipped, missing };
}
