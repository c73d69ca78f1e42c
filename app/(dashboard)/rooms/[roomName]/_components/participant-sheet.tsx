'use client';

import type { ReactNode } from 'react';

import { ParticipantActionsMenu } from '@/components/moderation/participant-actions-menu';
import { ParticipantLiveness } from '@/components/moderation/participant-liveness';
import { TrackMuteButton } from '@/components/moderation/track-mute-button';
import { DisabledWhenUnavailable, UnavailableNotice } from '@/components/ui/action-availability';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '@/components/ui/sheet';
import type { ParticipantDto, ParticipantPermissionDto } from '@/lib/contracts/dto';
import { PERMISSION_FLAG_KEYS, PERMISSION_FLAGS } from '@/lib/contracts/participant-permission';
import { PARTICIPANT_KIND_LABELS, TRACK_SOURCE_INFO } from '@/lib/contracts/tracks';
import { useCan } from '@/lib/queries/actor-context';

import { DetailList } from './detail-list';
import { MetadataBlock } from './metadata-block';
import { STATE_LABELS } from './participant-labels';
import { TrackChip } from './track-chip';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2" aria-label={title}>
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

function PermissionList({ permission }: { permission: ParticipantPermissionDto | null }) {
  if (!permission) return <p className="text-muted-foreground text-sm">Not reported by LiveKit.</p>;
  const sources = permission.canPublishSources.map((s) => TRACK_SOURCE_INFO[s].label);

  return (
    <DetailList
      items={[
        ...PERMISSION_FLAG_KEYS.map((key) => ({
          label: PERMISSION_FLAGS[key].label,
          value: permission[key] ? 'Yes' : 'No',
        })),
        { label: 'Allowed sources', value: sources.length > 0 ? sources.join(', ') : 'All' },
      ]}
    />
  );
}

function ParticipantDetails({
  roomName,
  participant,
}: {
  roomName: string;
  participant: ParticipantDto;
}) {
  const canMute = useCan('tracks.mute');
  const attributes = Object.entries(participant.attributes);
  const state = STATE_LABELS[participant.state];
  const kind = [PARTICIPANT_KIND_LABELS[participant.kind], ...participant.kindDetails].join(' · ');

  return (
    <div className="flex flex-col gap-6">
      <DetailList
        items={[
          { label: 'Identity', value: participant.identity },
          { label: 'SID', value: <code className="font-mono text-xs">{participant.sid}</code> },
          { label: 'State', value: <Badge tone={state.tone}>{state.label}</Badge> },
          { label: 'Kind', value: kind },
          { label: 'Joined', value: <RelativeTime atMs={participant.joinedAtMs} /> },
          { label: 'Publisher', value: participant.isPublisher ? 'Yes' : 'No' },
          { label: 'Region', value: participant.region || '—' },
          { label: 'Version', value: participant.version },
        ]}
      />
      <Section title="Tracks">
        {participant.tracks.length === 0 ? (
          <p className="text-muted-foreground text-sm">No published tracks.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {participant.tracks.map((track) => (
              <li key={track.sid} className="flex flex-col gap-1 rounded-md border p-2">
                <div className="flex items-center justify-between gap-2">
                  <TrackChip track={track} />
                  {canMute ? (
                    <TrackMuteButton
                      roomName={roomName}
                      identity={participant.identity}
                      track={track}
                      tracks={participant.tracks}
                    />
                  ) : null}
                </div>
                <p className="text-muted-foreground text-xs">
                  {[track.name, track.mimeType, track.sid].filter(Boolean).join(' · ')}
                  {track.width > 0 ? ` · ${track.width}×${track.height}` : ''}
                </p>
                {track.layers.length > 0 ? (
                  <ul className="text-muted-foreground text-xs" aria-label="Simulcast layers">
                    {track.layers.map((layer) => (
                      <li key={layer.quality}>
                        {layer.quality.toLowerCase()}: {layer.width}×{layer.height}
                        {layer.bitrate > 0 ? `, ${Math.round(layer.bitrate / 1000)} kbps` : ''}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Permission">
        <PermissionList permission={participant.permission} />
      </Section>
      <Section title="Attributes">
        {attributes.length === 0 ? (
          <p className="text-muted-foreground text-sm">None</p>
        ) : (
          <DetailList
            items={attributes.map(([key, value]) => ({
              label: key,
              value: <span className="font-mono text-xs">{value}</span>,
            }))}
          />
        )}
      </Section>
      <Section title="Metadata">
        <MetadataBlock metadata={participant.metadata} label="Participant metadata" />
      </Section>
    </div>
  );
}

/** Side panel with everything LiveKit reports about one participant. */
export function ParticipantSheet({
  roomName,
  identity,
  participant,
  onClose,
}: {
  roomName: string;
  identity: string | null;
  participant: ParticipantDto | undefined;
  onClose: () => void;
}) {
  return (
    <Sheet open={identity !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <SheetContent closeLabel="Close participant details" className="overflow-y-auto">
        <div className="flex items-start gap-2 border-b px-6 py-4 pr-12">
          <div className="min-w-0 flex-1">
            <SheetTitle className="truncate text-lg font-semibold">
              {participant?.name || identity}
            </SheetTitle>
            <SheetDescription className="text-muted-foreground text-sm">
              {participant ? `Participant ${participant.identity}` : 'Participant details'}
            </SheetDescription>
          </div>
          {participant ? (
            <ParticipantActionsMenu roomName={roomName} participant={participant} />
          ) : null}
        </div>
        <div className="flex-1 px-6 py-5">
          {participant ? (
            // Kept on screen while a dialog about them is open: says they left, disables actions.
            <ParticipantLiveness roomName={roomName} identity={participant.identity}>
              <UnavailableNotice className="mb-4" />
              <DisabledWhenUnavailable>
                <ParticipantDetails roomName={roomName} participant={participant} />
              </DisabledWhenUnavailable>
            </ParticipantLiveness>
          ) : (
            <p className="text-muted-foreground text-sm">
              {identity} is not in this room (any more).
            </p>
          )}
        </div>
      </SheetContent>
    </Sheet>
  );
}
