'use client';

import { UserSearchIcon } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Label } from '@/components/ui/label';
import { RetryErrorState } from '@/components/ui/retry-error-state';
import { SearchInput } from '@/components/ui/search-input';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import type { ParticipantSearchDto } from '@/lib/contracts/participant-search';
import { useParticipantSearch } from '@/lib/queries/participant-search';
import { PARTICIPANT_QUERY_MAX } from '@/lib/schemas/participant-search';

import { useParticipantSearchParam } from './participant-search-url';
import { ParticipantSearchResults } from './participant-search-results';

/** Typing pauses this long before a search runs: each one asks LiveKit about every room. */
const DEBOUNCE_MS = 400;

const plural = (n: number, noun: string) => `${n} ${n === 1 ? noun : `${noun}s`}`;

/** What the search found, in words: read out when it changes. */
function summary(result: ParticipantSearchDto): string {
  const rooms = new Set(result.participants.map((p) => p.roomName)).size;
  const found = `${plural(result.participants.length, 'participant')} in ${plural(rooms, 'room')}`;
  return result.truncated
    ? `Showing the first ${found}. More match: type more of the identity or name.`
    : `${found[0]!.toUpperCase()}${found.slice(1)}.`;
}

/**
 * "Find participant" on the rooms page: searches every room the user may see for an identity or
 * name (GET /api/v1/participants). It runs when typing pauses or on Enter, and the search lives in
 * the URL (`?participant=`), so a reload, a shared link and Back show the same results.
 */
export function ParticipantSearch() {
  const [query, setQuery] = useParticipantSearchParam();
  // The box keeps its own text so typing never waits for the URL; Back (a new URL) refills it.
  const [text, setText] = useState(query);
  const [shownQuery, setShownQuery] = useState(query);
  if (query !== shownQuery) {
    setShownQuery(query);
    setText(query);
  }
  const search = useParticipantSearch(query);
  const inputId = useId();
  const hintId = useId();

  useEffect(() => {
    const next = text.trim();
    if (next === query) return;
    const timer = setTimeout(() => setQuery(next, 'replace'), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query, setQuery]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = text.trim();
    // Enter on the current search asks LiveKit again (people join and leave).
    if (next !== query) setQuery(next, 'push');
    else if (next) void search.refetch();
  };

  return (
    <div className="flex flex-col gap-3">
      <form
        role="search"
        aria-label="Find participant"
        onSubmit={onSubmit}
        className="flex flex-col gap-1.5"
      >
        <Label htmlFor={inputId}>Find participant</Label>
        <div className="flex max-w-xl gap-2">
          <SearchInput
            id={inputId}
            aria-label="Find participant"
            aria-describedby={hintId}
            placeholder="Identity or name, in every room"
            value={text}
            maxLength={PARTICIPANT_QUERY_MAX}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
          />
          {/* Never disabled: a disabled default button would also swallow Enter in the box. */}
          <Button type="submit" variant="secondary">
            Find
          </Button>
        </div>
        <p id={hintId} className="text-muted-foreground text-xs">
          Matches part of an identity or display name, ignoring case, in every room you can see.
        </p>
      </form>
      {query ? <SearchOutcome query={query} search={search} /> : null}
    </div>
  );
}

function SearchOutcome({
  query,
  search,
}: {
  query: string;
  search: ReturnType<typeof useParticipantSearch>;
}) {
  const { data, error, isPending, isFetching, refetch } = search;
  if (isPending) return <TableSkeleton rows={3} label={`Searching for “${query}”…`} />;
  if (!data) {
    return (
      <RetryErrorState
        error={error ?? { code: 'internal', message: 'The search did not finish.' }}
        onRetry={() => void refetch()}
        isRetrying={isFetching}
      />
    );
  }
  if (data.participants.length === 0) {
    return (
      <EmptyState
        role="status"
        icon={<UserSearchIcon aria-hidden />}
        title={`No participant matches “${query}”`}
        className="bg-card rounded-lg border py-8"
      >
        Searched {plural(data.roomsSearched, 'room')}. Try part of the identity or name.
      </EmptyState>
    );
  }
  return (
    <section aria-label="Participant search results" className="flex flex-col gap-2">
      <p role="status" className="text-muted-foreground text-sm">
        {summary(data)}
      </p>
      <ParticipantSearchResults query={query} matches={data.participants} />
    </section>
  );
}
