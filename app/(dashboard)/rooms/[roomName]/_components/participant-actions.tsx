'use client';

import { ParticipantActionsMenu } from '@/components/moderation/participant-actions-menu';
import type { ParticipantDto } from '@/lib/contracts/dto';

/** Per-participant moderation controls: the row's actions menu (items filtered by `useCan()`). */
export function ParticipantActions({
  roomName,
  participant,
}: {
  roomName: string;
  participant: ParticipantDto;
}) {
  return <ParticipantActionsMenu roomName={roomName} participant={participant} />;
}
