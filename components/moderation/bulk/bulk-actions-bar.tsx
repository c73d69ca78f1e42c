'use client';

import { ChevronDownIcon, ChevronRightIcon, ListChecksIcon } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';

import { Button, buttonClassName } from '@/components/ui/button';
import { BULK_TRACK_GROUP_KEYS } from '@/lib/contracts/bulk';
import type { ParticipantDto } from '@/lib/contracts/dto';
import type { Permission } from '@/lib/contracts/permissions';
import { useCan, useCanAny } from '@/lib/queries/actor-context';
import { usePermissionPresets } from '@/lib/queries/permission-presets';
import {
  BULK_ACTION_PERMISSIONS,
  bulkActionLabel,
  type BulkAction,
} from '@/lib/queries/bulk-actions';
import { cn } from '@/lib/utils';

import { DeleteRoomDialog } from '../delete-room-button';
import { BulkRunDialog } from './bulk-run-dialog';

const itemClassName =
  'data-[highlighted]:bg-muted flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none';

export const BULK_PERMISSIONS: readonly Permission[] = Object.values(BULK_ACTION_PERMISSIONS);

/**
 * Above the participants table: how many are selected, and the bulk actions menu, which acts on
 * the selection or, with nothing selected, on everyone in the room.
 */
export function BulkActionsBar({
  roomName,
  participants,
  selection,
  onClearSelection,
}: {
  roomName: string;
  participants: readonly ParticipantDto[];
  selection: readonly string[];
  onClearSelection: () => void;
}) {
  const [action, setAction] = useState<BulkAction | null>(null);
  const canMute = useCan(BULK_ACTION_PERMISSIONS.mute);
  const canPreset = useCan(BULK_ACTION_PERMISSIONS.preset);
  const presets = usePermissionPresets();
  const canRemove = useCan(BULK_ACTION_PERMISSIONS.remove);
  // Ending the room is LiveKit's DeleteRoom, not a run over participants: no report to show.
  const canEnd = useCan('rooms.delete');
  const [ending, setEnding] = useState(false);
  if (!useCanAny(BULK_PERMISSIONS)) return null;
  const targets = selection.length > 0 ? selection : null;

  const item = (next: BulkAction, destructive = false) => (
    <DropdownMenu.Item
      key={JSON.stringify(next)}
      className={cn(itemClassName, destructive && 'text-destructive')}
      onSelect={() => setAction(next)}
    >
      {bulkActionLabel(next)}
      {destructive ? '…' : ''}
    </DropdownMenu.Item>
  );

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted-foreground" aria-live="polite">
        {targets
          ? `${targets.length} selected`
          : 'Nothing selected: bulk actions apply to everyone in the room.'}
      </span>
      {targets ? (
        <Button variant="ghost" size="sm" onClick={onClearSelection}>
          Clear selection
        </Button>
      ) : null}
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          className={buttonClassName({ variant: 'secondary', size: 'sm' })}
          disabled={participants.length === 0}
        >
          <ListChecksIcon aria-hidden />
          {targets ? 'Act on selection' : 'Act on everyone'}
          <ChevronDownIcon aria-hidden />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="start"
            sideOffset={4}
            className="bg-card text-card-foreground z-50 min-w-56 rounded-md border p-1 shadow-lg"
          >
            {canMute ? BULK_TRACK_GROUP_KEYS.map((group) => item({ kind: 'mute', group })) : null}
            {canMute ? item({ kind: 'forceMute' }) : null}
            {canPreset ? (
              <DropdownMenu.Sub>
                <DropdownMenu.SubTrigger className={itemClassName}>
                  Apply permission preset
                  <ChevronRightIcon aria-hidden className="ml-auto size-4" />
                </DropdownMenu.SubTrigger>
                <DropdownMenu.Portal>
                  <DropdownMenu.SubContent className="bg-card text-card-foreground z-50 min-w-56 rounded-md border p-1 shadow-lg">
                    {presets.map((preset) => (
                      <DropdownMenu.Item
                        key={preset.key}
                        className={cn(itemClassName, 'flex-col items-start gap-0')}
                        onSelect={() => setAction({ kind: 'preset', preset })}
                      >
                        {preset.label}
                        {preset.description ? (
                          <span className="text-muted-foreground text-xs">
                            {preset.description}
                          </span>
                        ) : null}
                      </DropdownMenu.Item>
                    ))}
                  </DropdownMenu.SubContent>
                </DropdownMenu.Portal>
              </DropdownMenu.Sub>
            ) : null}
            {canRemove ? (
              <>
                <DropdownMenu.Separator className="bg-border my-1 h-px" />
                {item({ kind: 'remove' }, true)}
              </>
            ) : null}
            {canEnd && !targets ? (
              <DropdownMenu.Item
                className={cn(itemClassName, 'text-destructive')}
                onSelect={() => setEnding(true)}
              >
                End the room for everyone…
              </DropdownMenu.Item>
            ) : null}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <DeleteRoomDialog roomName={roomName} open={ending} onOpenChange={setEnding} />
      {action ? (
        <BulkRunDialog
          roomName={roomName}
          action={action}
          participants={participants}
          selection={targets}
          onClose={() => setAction(null)}
          onFinished={onClearSelection}
        />
      ) : null}
    </div>
  );
}
