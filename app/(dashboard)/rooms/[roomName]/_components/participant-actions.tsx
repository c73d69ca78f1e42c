'use client';

import { ParticipantActionsMenu } from '@/components/moderation/participant-actions-menu';
import type { Role } from '@/lib/policy/permissions';
import type { ParticipantDto } from '@/lib/queries/dto';

/** Per-participant moderation controls: the row's actions menu (items filtered by `can(role, …)`). */
export function ParticipantActions({
  roomName,
  participant,
  role,
}: {
  roomName: string;
  participant: ParticipantDto;
  role: Role;
}) {
  return <ParticipantActionsMenu roomName={roomName} participant={participant} role={role} />;
}
