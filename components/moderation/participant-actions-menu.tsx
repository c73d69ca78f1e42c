'use client';

import {
  ArrowRightLeftIcon,
  EllipsisVerticalIcon,
  IdCardIcon,
  Loader2Icon,
  MicIcon,
  MicOffIcon,
  MonitorUpIcon,
  MonitorXIcon,
  RssIcon,
  ShieldIcon,
  UserXIcon,
  BanIcon,
  VideoIcon,
} from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useRef, useState, type ReactNode } from 'react';

import { buttonClassName } from '@/components/ui/button';
import { ReturnFocusTo } from '@/components/ui/return-focus';
import type { ParticipantDto } from '@/lib/contracts/dto';
import { mayShareScreen, microphoneState } from '@/lib/contracts/participant-media';
import { useCan } from '@/lib/queries/actor-context';
import { useKeepParticipant } from '@/lib/queries/room-liveness';
import { useScreenSharePermission } from '@/lib/queries/mutations/use-moderation-commands';
import { useMuteTrack, type MuteTrackVariables } from '@/lib/queries/mutations/use-mute-track';
import { useRequestCamera } from '@/lib/queries/mutations/use-request-camera';
import { cn } from '@/lib/utils';

import { BanParticipantDialog } from './ban-participant-dialog';
import { EditParticipantDialog } from './edit-participant-dialog';
import { ForceMuteDialog } from './force-mute-dialog';
import { trackName } from './labels';
import { MOVE_UNSUPPORTED_REASON, MoveParticipantDialog } from './move-participant-dialog';
import { ParticipantLiveness } from './participant-liveness';
import { PermissionsDialog } from './permissions-dialog';
import { RemoveParticipantDialog } from './remove-participant-dialog';
import { RevokeScreenShareDialog } from './revoke-screen-share-dialog';
import { SubscriptionsDialog } from './subscriptions-dialog';
import { UnmuteRefusedDialog } from './unmute-refused-dialog';
import { useMoveCapability } from './use-move-capability';

type DialogName =
  | 'forceMute'
  | 'revokeScreenShare'
  | 'permissions'
  | 'details'
  | 'subscriptions'
  | 'move'
  | 'remove'
  | 'ban';

const FORCE_MUTE_UNAVAILABLE = {
  muted: 'Their microphone is already muted.',
  none: 'They publish no microphone.',
} as const;

const itemClassName =
  'data-[highlighted]:bg-muted flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[disabled]:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0';

function Item({
  icon,
  children,
  onSelect,
  disabled,
  destructive,
  hint,
}: {
  icon: ReactNode;
  children: string;
  onSelect: () => void;
  disabled?: boolean;
  destructive?: boolean;
  hint?: string;
}) {
  return (
    <DropdownMenu.Item
      className={cn(itemClassName, destructive && 'text-destructive')}
      disabled={disabled}
      onSelect={onSelect}
      aria-label={children}
      aria-description={hint}
    >
      {icon}
      <span className="flex flex-col">
        {children}
        {hint ? <span className="text-muted-foreground text-xs">{hint}</span> : null}
      </span>
    </DropdownMenu.Item>
  );
}

/**
 * The per-participant moderation menu: mute/unmute each track, force mute, screen sharing, then one
 * dialog per action. Items the actor may not use are not shown (the server enforces the same
 * rules); items that would change nothing are disabled with the reason (docs/moderation.md).
 */
export function ParticipantActionsMenu({
  roomName,
  participant,
  defaultOpen = false,
}: {
  roomName: string;
  participant: ParticipantDto;
  /** Open from the start: a table row's stand-in trigger was just used. */
  defaultOpen?: boolean;
}) {
  const { identity, tracks } = participant;
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [refused, setRefused] = useState<MuteTrackVariables | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const mute = useMuteTrack({ onRefused: setRefused });
  const askCamera = useRequestCamera();
  const screenShare = useScreenSharePermission();
  const busy = mute.isPending || askCamera.isPending || screenShare.isPending;
  const mic = microphoneState(participant);
  // A server can mute a camera but never turn one on: their app is asked instead.
  const cameraOff = !tracks.some((track) => track.source === 'CAMERA' && !track.muted);
  const capability = useMoveCapability();
  const close = () => setDialog(null);
  const canMute = useCan('tracks.mute');
  const canUpdate = useCan('participants.update');
  const canSubscriptions = useCan('participants.subscriptions');
  const canMove = useCan('participants.move');
  const canRemove = useCan('participants.remove');
  const canBan = useCan('participants.ban');
  // If they leave while a dialog is open, their row stays until it closes; the dialog says so.
  useKeepParticipant(participant, dialog !== null || refused !== null);
  if (!canMute && !canUpdate && !canSubscriptions && !canMove && !canRemove && !canBan) {
    return null;
  }

  return (
    // React events bubble through portals: without this, a click in the menu or in a dialog would
    // also reach the table row and open the participant panel on top.
    <div className="contents" onClick={(e) => e.stopPropagation()}>
      <DropdownMenu.Root modal={false} defaultOpen={defaultOpen}>
        <DropdownMenu.Trigger
          ref={triggerRef}
          className={buttonClassName({ variant: 'ghost', size: 'icon' })}
          aria-label={`Actions for ${identity}`}
          aria-busy={busy}
        >
          {busy ? (
            <Loader2Icon aria-hidden className="animate-spin" />
          ) : (
            <EllipsisVerticalIcon aria-hidden />
          )}
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            className="bg-card text-card-foreground z-50 min-w-64 rounded-md border p-1 shadow-lg"
          >
            {canMute ? (
              <>
                <DropdownMenu.Label className="text-muted-foreground px-2 py-1 text-xs font-medium">
                  Tracks
                </DropdownMenu.Label>
                {tracks.map((track) => {
                  const target = `${trackName(track, tracks)} of ${identity}`;
                  const muted = !track.muted;

                  return (
                    <Item
                      key={track.sid}
                      icon={muted ? <MicOffIcon aria-hidden /> : <MicIcon aria-hidden />}
                      disabled={mute.isPending}
                      onSelect={() =>
                        mute.mutate({
                          input: { roomName, identity, trackSid: track.sid, muted },
                          target,
                        })
                      }
                    >
                      {`${muted ? 'Mute' : 'Unmute'} ${target}`}
                    </Item>
                  );
                })}
                {cameraOff ? (
                  <Item
                    icon={<VideoIcon aria-hidden />}
                    disabled={askCamera.isPending}
                    onSelect={() => askCamera.mutate({ input: { roomName, identity } })}
                  >
                    {`Ask ${identity} to turn on their camera`}
                  </Item>
                ) : null}
                {/* OpenTalk's force mute: their microphones, and their app is told who did it. */}
                <Item
                  icon={<MicOffIcon aria-hidden />}
                  disabled={mic !== 'live'}
                  hint={mic === 'live' ? undefined : FORCE_MUTE_UNAVAILABLE[mic]}
                  onSelect={() => setDialog('forceMute')}
                >
                  {`Force mute ${identity}…`}
                </Item>
                <DropdownMenu.Separator className="bg-border my-1 h-px" />
              </>
            ) : null}
            {canUpdate ? (
              <>
                <Item icon={<ShieldIcon aria-hidden />} onSelect={() => setDialog('permissions')}>
                  {`Edit permissions of ${identity}`}
                </Item>
                <Item icon={<IdCardIcon aria-hidden />} onSelect={() => setDialog('details')}>
                  {`Edit name, metadata and attributes of ${identity}`}
                </Item>
                {mayShareScreen(participant) ? (
                  <Item
                    icon={<MonitorXIcon aria-hidden />}
                    onSelect={() => setDialog('revokeScreenShare')}
                  >
                    {`Revoke screen sharing of ${identity}…`}
                  </Item>
                ) : (
                  <Item
                    icon={<MonitorUpIcon aria-hidden />}
                    disabled={screenShare.isPending}
                    onSelect={() =>
                      screenShare.mutate({
                        grant: true,
                        input: { roomName, participants: [identity] },
                      })
                    }
                  >
                    {`Allow ${identity} to share their screen`}
                  </Item>
                )}
              </>
            ) : null}
            {canSubscriptions ? (
              <Item icon={<RssIcon aria-hidden />} onSelect={() => setDialog('subscriptions')}>
                {`Change subscriptions of ${identity}`}
              </Item>
            ) : null}
            {canMove ? (
              <Item
                icon={<ArrowRightLeftIcon aria-hidden />}
                disabled={capability === 'unsupported'}
                hint={capability === 'unsupported' ? MOVE_UNSUPPORTED_REASON : undefined}
                onSelect={() => setDialog('move')}
              >
                {`Move or forward ${identity} to another room`}
              </Item>
            ) : null}
            {canRemove || canBan ? (
              <DropdownMenu.Separator className="bg-border my-1 h-px" />
            ) : null}
            {canRemove ? (
              <Item
                icon={<UserXIcon aria-hidden />}
                destructive
                onSelect={() => setDialog('remove')}
              >
                {`Remove ${identity} from ${roomName}`}
              </Item>
            ) : null}
            {canBan ? (
              <Item icon={<BanIcon aria-hidden />} destructive onSelect={() => setDialog('ban')}>
                {`Remove and ban ${identity}`}
              </Item>
            ) : null}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>

      {/* Dialogs opened from the menu give focus back to its trigger when they close. */}
      <ReturnFocusTo target={triggerRef}>
        <ParticipantLiveness roomName={roomName} identity={identity}>
          {dialog === 'forceMute' ? (
            <ForceMuteDialog roomName={roomName} identity={identity} onClose={close} />
          ) : null}
          {dialog === 'revokeScreenShare' ? (
            <RevokeScreenShareDialog roomName={roomName} identity={identity} onClose={close} />
          ) : null}
          {dialog === 'permissions' ? (
            <PermissionsDialog roomName={roomName} participant={participant} onClose={close} />
          ) : null}
          {dialog === 'details' ? (
            <EditParticipantDialog roomName={roomName} participant={participant} onClose={close} />
          ) : null}
          {dialog === 'subscriptions' ? (
            <SubscriptionsDialog roomName={roomName} participant={participant} onClose={close} />
          ) : null}
          {dialog === 'ban' ? (
            <BanParticipantDialog roomName={roomName} identity={identity} onClose={close} />
          ) : null}
          {dialog === 'move' ? (
            <MoveParticipantDialog roomName={roomName} identity={identity} onClose={close} />
          ) : null}
          <RemoveParticipantDialog
            roomName={roomName}
            participant={participant}
            open={dialog === 'remove'}
            onOpenChange={(open) => setDialog(open ? 'remove' : null)}
          />
          {refused ? (
            <UnmuteRefusedDialog
              roomName={roomName}
              identity={identity}
              trackSid={refused.input.trackSid}
              target={refused.target.replace(` of ${identity}`, '')}
              onClose={() => setRefused(null)}
            />
          ) : null}
        </ParticipantLiveness>
      </ReturnFocusTo>
    </div>
  );
}
