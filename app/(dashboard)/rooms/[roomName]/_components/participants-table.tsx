'use client';

import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { createContext, useContext, useMemo, useRef, useState } from 'react';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { VirtualTable } from '@/components/ui/virtual-table';
import type { ParticipantDto } from '@/lib/contracts/dto';
import {
  BUILT_IN_PRESETS,
  presetOf,
  type PermissionPresetDto,
} from '@/lib/contracts/permission-presets';
import { usePermissionPresets } from '@/lib/queries/permission-presets';
import { PARTICIPANT_KIND_LABELS } from '@/lib/contracts/tracks';

import { ParticipantActions, usePreloadParticipantActions } from './participant-actions';
import { permissionSummary, STATE_LABELS } from './participant-labels';
import { TrackChip } from './track-chip';

/** The rows picked for a bulk action (identities), owned by the panel. */
export interface ParticipantSelection {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

interface SelectHandlers {
  isSelected: (identity: string) => boolean;
  /** A click on a row's box; with Shift, every row between it and the last clicked one follows. */
  toggle: (identity: string, checked: boolean, range: boolean) => void;
  allState: () => boolean | 'indeterminate';
  toggleAll: (checked: boolean) => void;
}

function selectColumn(select: SelectHandlers): ColumnDef<ParticipantDto> {
  return {
    id: 'select',
    header: () => {
      const state = select.allState();
      return (
        <input
          type="checkbox"
          aria-label="Select every participant shown"
          checked={state === true}
          ref={(el) => {
            if (el) el.indeterminate = state === 'indeterminate';
          }}
          onChange={(e) => select.toggleAll(e.target.checked)}
        />
      );
    },
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.identity}`}
        checked={select.isSelected(row.original.identity)}
        // The row opens the participant on click, Enter and Space; the box must not.
        onClick={(e) => {
          e.stopPropagation();
          select.toggle(row.original.identity, e.currentTarget.checked, e.shiftKey);
        }}
        onKeyDown={(e) => e.stopPropagation()}
        onChange={() => undefined}
      />
    ),
    enableSorting: false,
  };
}

/**
 * The presets the permissions column compares against: read once for the table (not by each row,
 * fifty query observers in a room of fifty), and handed down by context, not through the columns:
 * those must stay the same objects when the admins' presets arrive, or every cell would remount
 * (closing a row's open menu).
 */
const PresetsContext = createContext<readonly PermissionPresetDto[]>(BUILT_IN_PRESETS);

/** The permissions column: a preset's badge where the permission equals one. */
function PermissionsCell({
  permission,
  summary,
}: {
  permission: ParticipantDto['permission'];
  summary: string;
}) {
  const preset = presetOf(permission, useContext(PresetsContext));
  return (
    <span className="flex flex-wrap items-center gap-1">
      {preset ? (
        <Badge tone="neutral" title={preset.description || undefined}>
          {preset.label}
        </Badge>
      ) : null}
      <span className="text-muted-foreground text-xs">{summary}</span>
    </span>
  );
}

function buildColumns(
  roomName: string,
  withActions: boolean,
  select: SelectHandlers | null,
): ColumnDef<ParticipantDto>[] {
  const columns: ColumnDef<ParticipantDto>[] = [
    ...(select ? [selectColumn(select)] : []),
    {
      id: 'identity',
      accessorKey: 'identity',
      header: 'Identity',
      cell: ({ row }) => (
        <span className="block truncate font-medium">{row.original.identity}</span>
      ),
    },
    {
      id: 'name',
      accessorKey: 'name',
      header: 'Name',
      cell: ({ row }) =>
        row.original.name ? (
          <span className="block truncate">{row.original.name}</span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: 'kind',
      accessorFn: (p) => PARTICIPANT_KIND_LABELS[p.kind],
      header: 'Kind',
      cell: ({ getValue }) => <Badge tone="neutral">{getValue<string>()}</Badge>,
    },
    {
      id: 'state',
      accessorKey: 'state',
      header: 'State',
      cell: ({ row }) => {
        const state = STATE_LABELS[row.original.state];

        return <Badge tone={state.tone}>{state.label}</Badge>;
      },
    },
    {
      id: 'joined',
      accessorKey: 'joinedAtMs',
      header: 'Joined',
      cell: ({ row }) => <RelativeTime atMs={row.original.joinedAtMs} />,
    },
    {
      id: 'tracks',
      accessorFn: (p) => p.tracks.length,
      header: 'Tracks',
      cell: ({ row }) =>
        row.original.tracks.length > 0 ? (
          <ul className="flex flex-wrap gap-1" aria-label="Tracks">
            {row.original.tracks.map((track) => (
              <li key={track.sid} className="max-w-full">
                <TrackChip track={track} />
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-muted-foreground">None</span>
        ),
    },
    {
      id: 'permissions',
      accessorFn: permissionSummary,
      header: 'Permissions',
      cell: ({ row, getValue }) => (
        <PermissionsCell permission={row.original.permission} summary={getValue<string>()} />
      ),
      enableSorting: false,
    },
  ];
  if (withActions) {
    columns.push({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <ParticipantActions roomName={roomName} participant={row.original} />,
      enableSorting: false,
    });
  }

  return columns;
}

// Spelled out in full so Tailwind sees every template.
const GRID =
  'grid-cols-[minmax(9rem,1.2fr)_minmax(7rem,1fr)_6rem_7rem_6.5rem_minmax(16rem,2.5fr)_minmax(9rem,1.2fr)]';
const GRID_WITH_ACTIONS =
  'grid-cols-[minmax(9rem,1.2fr)_minmax(7rem,1fr)_6rem_7rem_6.5rem_minmax(16rem,2.5fr)_minmax(9rem,1.2fr)_3rem]';
const GRID_WITH_SELECT_AND_ACTIONS =
  'grid-cols-[1.5rem_minmax(9rem,1.2fr)_minmax(7rem,1fr)_6rem_7rem_6.5rem_minmax(16rem,2.5fr)_minmax(9rem,1.2fr)_3rem]';

export function ParticipantsTable({
  roomName,
  participants,
  withActions,
  selection,
  onOpenParticipant,
}: {
  roomName: string;
  participants: ParticipantDto[];
  withActions: boolean;
  /** Checkboxes for bulk actions; only with actions. */
  selection?: ParticipantSelection;
  onOpenParticipant: (identity: string) => void;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  // Handlers read the latest rows and selection through refs, so the columns stay stable.
  const latest = useRef({ selection, rows: [] as ParticipantDto[] });
  const lastClicked = useRef<number | null>(null);
  const selectable = withActions && selection !== undefined;
  usePreloadParticipantActions(withActions);
  const presets = usePermissionPresets();
  const columns = useMemo(() => {
    const select: SelectHandlers = {
      isSelected: (identity) => latest.current.selection?.selected.has(identity) ?? false,
      toggle: (identity, checked, range) => {
        const { selection: current, rows } = latest.current;
        if (!current) return;
        const next = new Set(current.selected);
        const position = rows.findIndex((p) => p.identity === identity);
        const from = range && lastClicked.current !== null ? lastClicked.current : position;
        const [lo, hi] = from < position ? [from, position] : [position, from];
        for (const p of rows.slice(lo, hi + 1)) {
          if (checked) next.add(p.identity);
          else next.delete(p.identity);
        }
        lastClicked.current = position;
        current.onChange(next);
      },
      allState: () => {
        const { selection: current, rows } = latest.current;
        const count = rows.filter((p) => current?.selected.has(p.identity)).length;
        return count === 0 ? false : count === rows.length ? true : 'indeterminate';
      },
      toggleAll: (checked) => {
        const { selection: current, rows } = latest.current;
        if (!current) return;
        const next = new Set(current.selected);
        for (const p of rows) {
          if (checked) next.add(p.identity);
          else next.delete(p.identity);
        }
        current.onChange(next);
      },
    };
    return buildColumns(roomName, withActions, selectable ? select : null);
  }, [roomName, withActions, selectable]);
  // The React Compiler is off; react-table manages its own memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: participants,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (p) => p.identity,
  });
  // Shift-click ranges follow the order shown (sorted), not the order listed.
  latest.current = { selection, rows: table.getRowModel().rows.map((row) => row.original) };

  return (
    <PresetsContext value={presets}>
      <VirtualTable
        table={table}
        label="Participants"
        gridClassName={
          selectable ? GRID_WITH_SELECT_AND_ACTIONS : withActions ? GRID_WITH_ACTIONS : GRID
        }
        estimateRowHeight={52}
        dynamicRowHeight
        onRowActivate={(row) => onOpenParticipant(row.original.identity)}
        // The select box is the one cell that reads more than its participant.
        getRowState={
          selectable ? (row) => selection.selected.has(row.original.identity) : undefined
        }
      />
    </PresetsContext>
  );
}
