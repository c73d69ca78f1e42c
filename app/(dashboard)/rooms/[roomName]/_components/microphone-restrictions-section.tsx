'use client';

import { MicOffIcon } from 'lucide-react';
import { useState } from 'react';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { Skeleton } from '@/components/ui/skeleton';
import type { ParticipantDto } from '@/lib/contracts/dto';
import { useCan } from '@/lib/queries/actor-context';
import { useMicrophoneRestrictions } from '@/lib/queries/microphone-restrictions';
import { useDisableMicrophoneRestrictions } from '@/lib/queries/mutations/use-moderation-commands';

import { RestrictMicrophonesDialog } from './restrict-microphones-dialog';

/** The room's microphone restrictions: state, allow-list, who is restricted; enable and lift. */
export function MicrophoneRestrictionsSection({
  roomName,
  participants,
}: {
  roomName: string;
  participants: readonly ParticipantDto[];
}) {
  const { data, error, isPending, refetch, isFetching } = useMicrophoneRestrictions(
    roomName,
    participants,
  );
  const canUpdate = useCan('participants.update');
  const [restrictOpen, setRestrictOpen] = useState(false);
  const [liftOpen, setLiftOpen] = useState(false);
  const lift = useDisableMicrophoneRestrictions();

  if (isPending) return <Skeleton className="h-20 w-full" />;
  if (!data) {
    return (
      <RetryErrorState
        error={error ?? { code: 'internal', message: 'The restrictions could not be read.' }}
        onRetry={() => void refetch()}
        isRetrying={isFetching}
      />
    );
  }
  const state = data.microphone_restriction_state;
  const enabled = state.type === 'enabled';

  return (
    <section aria-labelledby="mic-restrictions-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="mic-restrictions-title" className="flex items-center gap-2 text-sm font-semibold">
          <MicOffIcon aria-hidden className="size-4" />
          Microphone restrictions
          <Badge
            tone={enabled ? 'warning' : 'neutral'}
            aria-label={`Microphone restrictions ${enabled ? 'on' : 'off'}`}
          >
            {enabled ? 'On' : 'Off'}
          </Badge>
        </h3>
        {canUpdate ? (
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => setRestrictOpen(true)}>
              {enabled ? 'Change allow-list…' : 'Restrict microphones…'}
            </Button>
            {enabled || data.restricted.length > 0 ? (
              <Button size="sm" variant="secondary" onClick={() => setLiftOpen(true)}>
                Lift restrictions
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      <p className="text-muted-foreground text-sm" role="status">
        {enabled
          ? state.unrestricted_participants.length === 0
            ? `Nobody may use their microphone (since ${data.enabledBy ?? 'a moderator'} restricted them).`
            : `Only ${state.unrestricted_participants.join(', ')} may use their microphone.`
          : 'Everyone may unmute.'}{' '}
        {data.restricted.length > 0
          ? `Restricted now: ${data.restricted.map((r) => r.identity).join(', ')}.`
          : null}
      </p>
      <RestrictMicrophonesDialog
        open={restrictOpen}
        onOpenChange={setRestrictOpen}
        roomName={roomName}
        participants={participants}
        current={enabled ? state.unrestricted_participants : []}
      />
      <ConfirmDialog
        open={liftOpen}
        onOpenChange={setLiftOpen}
        title="Lift microphone restrictions?"
        confirmLabel="Lift restrictions"
        pending={lift.isPending}
        onConfirm={() => lift.mutate({ roomName }, { onSuccess: () => setLiftOpen(false) })}
      >
        <p>
          Everyone restricted gets back exactly the microphone right that was taken, and may unmute
          again. Nobody is unmuted by this.
        </p>
      </ConfirmDialog>
    </section>
  );
}
