'use client';

import { UsersIcon } from 'lucide-react';
import { useSearchParams } from 'next/navigation';
import { lazy, Suspense, useCallback, useDeferredValue, useMemo, useState } from 'react';

import { EmptyState } from '@/components/ui/empty-state';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { SearchInput } from '@/components/ui/search-input';
import { Select } from '@/components/ui/select';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { BulkActionsBar } from '@/components/moderation/bulk/bulk-actions-bar';
import { PARTICIPANT_MENU_PERMISSIONS } from '@/components/moderation/participant-menu-permissions';
import type { ParticipantDto, ParticipantKind } from '@/lib/contracts/dto';
import { PARTICIPANT_KIND_LABELS } from '@/lib/contracts/tracks';
import { useCanAny } from '@/lib/queries/actor-context';
import { useParticipants } from '@/lib/queries/participants';
import { ParticipantPinsProvider, useParticipantPins } from '@/lib/queries/room-liveness';
import type { InitialError } from '@/lib/queries/upstream-error';

import { ParticipantsTable } from './participants-table';

// The panel (and the participant menu it holds) loads when a participant is first opened.
const ParticipantSheet = lazy(() =>
  import('./participant-sheet').then((m) => ({ default: m.ParticipantSheet })),
);

const PARTICIPANT_PARAM = 'participant';

/** Opens/closes the detail panel through `?participant=` without a server round-trip. */
function useParticipantParam() {
  const searchParams = useSearchParams();
  const identity = searchParams.get(PARTICIPANT_PARAM);
  const setIdentity = useCallback((next: string | null) => {
    const url = new URL(window.location.href);
    if (next === null) url.searchParams.delete(PARTICIPANT_PARAM);
    else url.searchParams.set(PARTICIPANT_PARAM, next);
    window.history.pushState(null, '', `${url.pathname}${url.search}${url.hash}`);
  }, []);

  return [identity, setIdentity] as const;
}

function withPinned(
  listed: ParticipantDto[] | undefined,
  pinned: ReadonlyMap<string, ParticipantDto>,
): ParticipantDto[] | undefined {
  if (!listed || pinned.size === 0) return listed;
  const departed = [...pinned.values()].filter(
    (p) => !listed.some((l) => l.identity === p.identity),
  );
  return departed.length === 0 ? listed : [...listed, ...departed];
}

export function ParticipantsPanel({
  roomName,
  initialError,
}: {
  roomName: string;
  initialError: InitialError | null;
}) {
  const { data: listed, error, isPending, refetch, isFetching } = useParticipants(roomName);
  // Participants who left while a dialog about them is open stay listed until it closes.
  const { pins, pinned } = useParticipantPins();
  const participants = useMemo(() => withPinned(listed, pinned), [listed, pinned]);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<ParticipantKind | ''>('');
  const deferredSearch = useDeferredValue(search);
  const [openIdentity, setOpenIdentity] = useParticipantParam();
  const [picked, setPicked] = useState<Set<string>>(() => new Set());

  const kinds = useMemo(
    () => [...new Set((participants ?? []).map((p) => p.kind))].sort(),
    [participants],
  );
  const filtered = useMemo(() => {
    const needle = deferredSearch.trim().toLowerCase();
    if (!participants) return [];
    if (!needle && !kind) return participants;

    return participants.filter(
      (p) =>
        (!kind || p.kind === kind) &&
        (!needle ||
          p.identity.toLowerCase().includes(needle) ||
          p.name.toLowerCase().includes(needle) ||
          PARTICIPANT_KIND_LABELS[p.kind].toLowerCase().includes(needle)),
    );
  }, [participants, deferredSearch, kind]);
  const openParticipant = useMemo(
    () => (openIdentity ? participants?.find((p) => p.identity === openIdentity) : undefined),
    [participants, openIdentity],
  );

  // Only who is still listed counts as selected: a participant who left drops out of the selection.
  const selected = useMemo(
    () => new Set((listed ?? []).filter((p) => picked.has(p.identity)).map((p) => p.identity)),
    [listed, picked],
  );
  const selection = useMemo(() => ({ selected, onChange: setPicked }), [selected]);
  const clearSelection = useCallback(() => setPicked(new Set()), []);

  const withActions = useCanAny(PARTICIPANT_MENU_PERMISSIONS);
  const shownError = error ?? (isPending ? initialError : null);

  return (
    <ParticipantPinsProvider pins={pins}>
      <section aria-labelledby="participants-title" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="participants-title" className="mr-auto text-lg font-semibold">
            Participants
            {participants ? (
              <span className="text-muted-foreground ml-2 text-sm font-normal">
                {filtered.length === participants.length
                  ? participants.length
                  : `${filtered.length} of ${participants.length}`}
              </span>
            ) : null}
          </h2>
          <SearchInput
            aria-label="Filter participants by identity, name or kind"
            placeholder="Filter by identity, name or kind"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="sm:w-72"
          />
          <Select
            aria-label="Participant kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as ParticipantKind | '')}
            className="w-full sm:w-40"
          >
            <option value="">All kinds</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {PARTICIPANT_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </div>

        {withActions && listed && listed.length > 0 ? (
          <BulkActionsBar
            roomName={roomName}
            participants={listed}
            selection={[...selected]}
            onClearSelection={clearSelection}
          />
        ) : null}

        {participants === undefined && shownError ? (
          <RetryErrorState
            error={shownError}
            onRetry={() => void refetch()}
            isRetrying={isFetching}
          />
        ) : participants === undefined ? (
          <TableSkeleton label="Loading participants" />
        ) : participants.length === 0 ? (
          <EmptyState
            icon={<UsersIcon aria-hidden />}
            title="No participants"
            className="bg-card rounded-lg border"
          >
            Nobody is connected to this room right now.
          </EmptyState>
        ) : filtered.length === 0 ? (
          <EmptyState
            title="No participants match the filter"
            className="bg-card rounded-lg border"
          />
        ) : (
          <ParticipantsTable
            roomName={roomName}
            participants={filtered}
            withActions={withActions}
            selection={selection}
            onOpenParticipant={setOpenIdentity}
          />
        )}
        {openIdentity !== null ? (
          <Suspense fallback={null}>
            <ParticipantSheet
              roomName={roomName}
              identity={openIdentity}
              participant={openParticipant}
              onClose={() => setOpenIdentity(null)}
            />
          </Suspense>
        ) : null}
      </section>
    </ParticipantPinsProvider>
  );
}
