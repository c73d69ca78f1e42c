'use client';

import { Card } from '@/components/ui/card';
import { useCanAny } from '@/lib/queries/actor-context';
import { useParticipants } from '@/lib/queries/participants';

import { MicrophoneRestrictionsSection } from './microphone-restrictions-section';
import { TokenButtons } from './token-dialogs';

/**
 * OpenTalk's room-wide commands on the room page (docs/moderation.md): microphone restrictions and
 * tokens for the moderator. The restriction state is shown to everyone who sees the room; the
 * controls only to those whose permissions allow them. Commands aimed at participants (force mute,
 * screen sharing) are in the participants table's menus, where its selection applies.
 */
export function ModerationCommandsPanel({ roomName }: { roomName: string }) {
  const { data: participants } = useParticipants(roomName);
  const canCommand = useCanAny(['tracks.mute', 'participants.update']);

  return (
    <Card aria-labelledby="moderation-commands-title" className="flex flex-col gap-5 p-5">
      <div className="flex flex-col gap-1">
        <h2 id="moderation-commands-title" className="text-base font-semibold">
          Room commands
        </h2>
        {canCommand ? (
          <p className="text-muted-foreground text-sm">
            Force mute and screen sharing are in each participant’s actions menu; force mute also
            acts on a selection, or everyone, from the bulk menu above the table.
          </p>
        ) : null}
      </div>
      <MicrophoneRestrictionsSection roomName={roomName} participants={participants ?? []} />
      <TokenButtons roomName={roomName} />
    </Card>
  );
}
