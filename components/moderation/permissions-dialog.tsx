'use client';

import { TriangleAlertIcon } from 'lucide-react';
import { useState, type FormEvent } from 'react';

import { useUnavailableReason } from '@/components/ui/action-availability';
import { Button } from '@/components/ui/button';
import { Modal, ModalClose, ModalContent, ModalFooter } from '@/components/ui/modal';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ParticipantDto, ParticipantPermissionDto } from '@/lib/contracts/dto';
import {
  PERMISSION_FLAG_KEYS,
  PERMISSION_FLAGS,
  TOKEN_DEFAULT_PERMISSION,
} from '@/lib/contracts/participant-permission';
import { PUBLISH_SOURCES, TRACK_SOURCE_INFO, type PublishSource } from '@/lib/contracts/tracks';
import { useUpdatePermissions } from '@/lib/queries/mutations/use-update-permissions';

import {
  AUDIENCE_PRESET,
  permissionPatch,
  revokesPublishing,
  SPEAKER_PRESET,
} from './permission-diff';

/**
 * Every ParticipantPermission field, starting from the participant's current permission. Saving
 * sends only what the moderator changed; the server applies it on top of the current set.
 */
export function PermissionsDialog({
  roomName,
  participant,
  onClose,
}: {
  roomName: string;
  participant: ParticipantDto;
  onClose: () => void;
}) {
  const { identity } = participant;
  const [current] = useState(() => participant.permission ?? TOKEN_DEFAULT_PERMISSION);
  const [draft, setDraft] = useState<ParticipantPermissionDto>(current);
  const update = useUpdatePermissions();
  const unavailable = useUnavailableReason() !== null;
  const patch = permissionPatch(current, draft);
  const changed = Object.keys(patch).length > 0;

  const save = (next: Partial<ParticipantPermissionDto>) =>
    update.mutate({ roomName, identity, permission: next }, { onSuccess: onClose });
  const applyPreset = (preset: Partial<ParticipantPermissionDto>) => {
    const presetPatch = permissionPatch(current, preset);
    if (Object.keys(presetPatch).length > 0) save(presetPatch);
  };
  const toggleSource = (source: PublishSource, checked: boolean) =>
    setDraft((d) => ({
      ...d,
      canPublishSources: checked
        ? [...d.canPublishSources, source]
        : d.canPublishSources.filter((s) => s !== source),
    }));
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (changed) save(patch);
  };
  const isSpeaker = Object.keys(permissionPatch(current, SPEAKER_PRESET)).length === 0;
  const isAudience = Object.keys(permissionPatch(current, AUDIENCE_PRESET)).length === 0;

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())}>
      <ModalContent
        title={`Permissions of ${identity}`}
        description="Starts from what the participant has now. Only the fields you change are sent."
        className="max-w-xl"
      >
        <div className="mb-4 flex flex-wrap gap-2" role="group" aria-label="Shortcuts">
          <Button
            variant="secondary"
            size="sm"
            disabled={update.isPending || isSpeaker || unavailable}
            onClick={() => applyPreset(SPEAKER_PRESET)}
          >
            Promote {identity} to speaker
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={update.isPending || isAudience || unavailable}
            onClick={() => applyPreset(AUDIENCE_PRESET)}
          >
            Move {identity} to audience
          </Button>
        </div>
        <p className="text-muted-foreground mb-4 flex gap-2 text-xs">
          <TriangleAlertIcon aria-hidden className="text-warning size-4 shrink-0" />
          Revoking publish rights (or a source) makes LiveKit unpublish the affected tracks at once.
          &quot;Move to audience&quot; does that too.
        </p>
        <form onSubmit={handleSubmit} className="flex flex-col gap-4">
          <fieldset className="grid gap-2 sm:grid-cols-2">
            <legend className="mb-1 text-sm font-medium">Permissions</legend>
            {PERMISSION_FLAG_KEYS.map((key) => (
              <label key={key} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4"
                  checked={draft[key]}
                  onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.checked }))}
                />
                <span>
                  {PERMISSION_FLAGS[key].label}
                  <span className="text-muted-foreground block text-xs">
                    {PERMISSION_FLAGS[key].hint}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Allowed sources</legend>
            <p className="text-muted-foreground text-xs">
              None checked = every source (publishing still needs &quot;Can publish&quot;).
            </p>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {PUBLISH_SOURCES.map((source) => (
                <label key={source} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={draft.canPublishSources.includes(source)}
                    onChange={(e) => toggleSource(source, e.target.checked)}
                  />
                  {TRACK_SOURCE_INFO[source].label}
                </label>
              ))}
            </div>
          </fieldset>
          {revokesPublishing(current, patch) ? (
            <p role="status" className="bg-warning-soft rounded-md px-3 py-2 text-sm">
              Saving takes publishing rights away: LiveKit unpublishes the affected tracks of{' '}
              {identity} immediately.
            </p>
          ) : null}
          <ModalFooter>
            <ModalClose asChild>
              <Button variant="secondary">Cancel</Button>
            </ModalClose>
            <SubmitButton pending={update.isPending} disabled={!changed}>
              Save permissions
            </SubmitButton>
          </ModalFooter>
        </form>
      </ModalContent>
    </Modal>
  );
}
