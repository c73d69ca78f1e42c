'use client';

import { Card } from '@/components/ui/card';
import { useCanAny } from '@/lib/queries/actor-context';
import { useParticipants } from '@/lib/queries/participants';

import { MicrophoneRestrictionsSection } from './microphone-restrictions-section';
import { ParticipantCommands } from './participant-commands';
import { TokenButtons } from './token-dialogs';

/**
 * OpenTalk's moderation commands on the room page (docs/rest-api.md): microphone restrictions,
 * force mute, screen sharing, and tokens for the moderator. The restriction state is shown to
 * everyone who sees the room; the controls only to those whose permissions allow them.
 */
export function ModerationCommandsPanel({ roomName }: { roomName: string }) {
  const { data: participants } = useParticipants(roomName);
  const canModerate = useCanAny(['tracks.mute', 'participants.update']);
  const people = participants ?? [];

  return (
    <Card aria-labelledby="moderation-commands-title" className="flex flex-col gap-5 p-5">
      <h2 id="moderation-commands-title" className="text-base font-semibold">
        Moderation
      </h2>
      <MicrophoneRestrictionsSection roomName={roomName} participants={people} />
      {canModerate ? <ParticipantCommands roomName={roomName} participants={people} /> : null}
      <TokenButtons roomName={roomName} />
    </Card>
  );
}
