'use client';

import type { FieldErrors, UseFormRegister } from 'react-hook-form';

import { describedBy, TextField } from '@/components/ui/form-field';
import {
  VIDEO_GRANT_FIELDS,
  VIDEO_GRANT_FLAG_KEYS,
  VIDEO_GRANT_FLAGS,
  type VideoGrantFlag,
} from '@/lib/contracts/tokens';
import { PUBLISH_SOURCES, TRACK_SOURCE_INFO } from '@/lib/contracts/tracks';
import type { GenerateTokenFormInput } from '@/lib/schemas/tokens';

const ROOM_GRANTS = VIDEO_GRANT_FLAG_KEYS.filter((k) => VIDEO_GRANT_FLAGS[k].reach === 'room');
const SERVER_GRANTS = VIDEO_GRANT_FLAG_KEYS.filter((k) => VIDEO_GRANT_FLAGS[k].reach === 'server');

/**
 * The VideoGrant: its room, every flag as a checkbox with what it allows, and the allowed sources.
 * Server-wide grants are disabled for a tenant's admin (the server refuses them anyway).
 */
export function GrantFields({
  register,
  errors,
  tenant,
}: {
  register: UseFormRegister<GenerateTokenFormInput>;
  errors: FieldErrors<GenerateTokenFormInput>;
  tenant: string | null;
}) {
  const flag = (key: VideoGrantFlag, disabled = false) => {
    const error = errors.video?.[key]?.message;
    const id = `token-grant-${key}`;
    return (
      <div key={key} className="flex flex-col gap-0.5">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            disabled={disabled}
            aria-describedby={describedBy(id, { help: true, error })}
            {...register(`video.${key}`)}
          />
          {VIDEO_GRANT_FLAGS[key].label}
        </label>
        <p id={`${id}-help`} className="text-muted-foreground pl-6 text-xs">
          {VIDEO_GRANT_FLAGS[key].hint}
        </p>
        {error ? (
          <p id={`${id}-error`} className="text-destructive pl-6 text-xs font-medium">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-2 text-base font-semibold">Room and grants</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="token-room"
          label={VIDEO_GRANT_FIELDS.room.label}
          help={VIDEO_GRANT_FIELDS.room.hint}
          error={errors.video?.room?.message}
          autoComplete="off"
          spellCheck={false}
          {...register('video.room')}
        />
        <TextField
          id="token-destination-room"
          label={VIDEO_GRANT_FIELDS.destinationRoom.label}
          help={VIDEO_GRANT_FIELDS.destinationRoom.hint}
          error={errors.video?.destinationRoom?.message}
          autoComplete="off"
          spellCheck={false}
          {...register('video.destinationRoom')}
        />
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">In the room</legend>
        {ROOM_GRANTS.map((key) => flag(key))}
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">
          {VIDEO_GRANT_FIELDS.canPublishSources.label}
        </legend>
        <p className="text-muted-foreground text-xs">{VIDEO_GRANT_FIELDS.canPublishSources.hint}</p>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {PUBLISH_SOURCES.map((source) => (
            <label key={source} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4"
                value={source}
                {...register('video.canPublishSources')}
              />
              {TRACK_SOURCE_INFO[source].label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">Server-wide</legend>
        <p className="text-muted-foreground text-xs sm:col-span-2">
          {tenant
            ? `These reach every room of the LiveKit server, not only those of tenant ${tenant}: only an admin of every tenant may grant them.`
            : 'These reach every room of the LiveKit server, whatever the room above.'}
        </p>
        {SERVER_GRANTS.map((key) => flag(key, tenant !== null))}
      </fieldset>
    </fieldset>
  );
}
