'use client';

import { MonitorUpIcon, MonitorXIcon, MicOffIcon } from 'lucide-react';
import { useState } from 'react';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ParticipantDto } from '@/lib/contracts/dto';
import { TOKEN_DEFAULT_PERMISSION } from '@/lib/contracts/participant-permission';
import { useCan } from '@/lib/queries/actor-context';
import {
  useForceMute,
  useScreenSharePermission,
} from '@/lib/queries/mutations/use-moderation-commands';

function micState(p: ParticipantDto): 'live' | 'muted' | 'none' {
  const mics = p.tracks.filter((t) => t.source === 'MICROPHONE');
  if (mics.length === 0) return 'none';
  return mics.some((t) => !t.muted) ? 'live' : 'muted';
}

/** Whether LiveKit lets the participant publish a screen share (empty list = every source). */
function mayShareScreen(p: ParticipantDto): boolean {
  const permission = p.permission ?? TOKEN_DEFAULT_PERMISSION;
  return (
    permission.canPublish &&
    (permission.canPublishSources.length === 0 ||
      permission.canPublishSources.includes('SCREEN_SHARE'))
  );
}

type Pending = { kind: 'mute'; identities: string[] } | { kind: 'revoke'; identity: string } | null;

/**
 * Force mute (one participant, or a selection) and screen-share grant/revoke, per participant.
 * Muting and revoking ask first: both take something away mid-meeting.
 */
export function ParticipantCommands({
  roomName,
  participants,
}: {
  roomName: string;
  participants: readonly ParticipantDto[];
}) {
  const canMute = useCan('tracks.mute');
  const canUpdate = useCan('participants.update');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<Pending>(null);
  const forceMute = useForceMute();
  const screenShare = useScreenSharePermission();

  const present = participants.filter((p) => selected.has(p.identity)).map((p) => p.identity);
  const toggle = (identity: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(identity);
      else next.delete(identity);
      return next;
    });

  if (participants.length === 0) {
    return <p className="text-muted-foreground text-sm">Nobody is in the room.</p>;
  }

  return (
    <section aria-labelledby="participant-commands-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="participant-commands-title" className="text-sm font-semibold">
          Microphones and screen sharing
        </h3>
        {canMute ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={present.length === 0}
            onClick={() => setPending({ kind: 'mute', identities: present })}
          >
            <MicOffIcon aria-hidden />
            Force mute selected ({present.length})
          </Button>
        ) : null}
      </div>
      <ul className="divide-y rounded-md border" aria-label="Participants to moderate">
        {participants.map((p) => {
          const mic = micState(p);
          const sharing = mayShareScreen(p);
          return (
            <li key={p.identity} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
              {canMute ? (
                <input
                  type="checkbox"
                  aria-label={`Choose ${p.identity} to force mute`}
                  checked={selected.has(p.identity)}
                  onChange={(e) => toggle(p.identity, e.currentTarget.checked)}
                />
              ) : null}
              <span className="min-w-32 font-medium">{p.identity}</span>
              <Badge tone={mic === 'live' ? 'success' : 'neutral'}>
                {mic === 'live' ? 'Mic on' : mic === 'muted' ? 'Mic muted' : 'No mic'}
              </Badge>
              <Badge tone={sharing ? 'info' : 'neutral'}>
                {sharing ? 'May share screen' : 'No screen share'}
              </Badge>
              <span className="ml-auto flex gap-2">
                {canMute ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Force mute ${p.identity}`}
                    disabled={mic !== 'live'}
                    onClick={() => setPending({ kind: 'mute', identities: [p.identity] })}
                  >
                    <MicOffIcon aria-hidden />
                    Force mute
                  </Button>
                ) : null}
                {canUpdate ? (
                  sharing ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Revoke screen sharing of ${p.identity}`}
                      onClick={() => setPending({ kind: 'revoke', identity: p.identity })}
                    >
                      <MonitorXIcon aria-hidden />
                      Revoke screen share
                    </Button>
                  ) : (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Allow ${p.identity} to share their screen`}
                      disabled={screenShare.isPending}
                      onClick={() =>
                        screenShare.mutate({
                          grant: true,
                          input: { roomName, participants: [p.identity] },
                        })
                      }
                    >
                      <MonitorUpIcon aria-hidden />
                      Allow screen share
                    </Button>
                  )
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={pending?.kind === 'mute'}
        onOpenChange={(open) => (open ? undefined : setPending(null))}
        title={
          pending?.kind === 'mute' && pending.identities.length === 1
            ? `Force mute ${pending.identities[0]}?`
            : `Force mute ${pending?.kind === 'mute' ? pending.identities.length : 0} participants?`
        }
        confirmLabel="Force mute"
        pending={forceMute.isPending}
        onConfirm={() => {
          if (pending?.kind !== 'mute') return;
          forceMute.mutate(
            { roomName, participants: pending.identities },
            {
              onSuccess: () => {
                setPending(null);
                setSelected(new Set());
              },
            },
          );
        }}
      >
        <p>
          Their microphones are muted (cameras and screen shares stay on) and their app is told who
          muted them. They can unmute themselves again unless microphones are restricted.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.kind === 'revoke'}
        onOpenChange={(open) => (open ? undefined : setPending(null))}
        title={`Revoke screen sharing of ${pending?.kind === 'revoke' ? pending.identity : ''}?`}
        confirmLabel="Revoke screen share"
        pending={screenShare.isPending}
        onConfirm={() => {
          if (pending?.kind !== 'revoke') return;
          screenShare.mutate(
            { grant: false, input: { roomName, participants: [pending.identity] } },
            { onSuccess: () => setPending(null) },
          );
        }}
      >
        <p>A running screen share stops at once. They stay in the room; nothing else changes.</p>
      </ConfirmDialog>
    </section>
  );
}
