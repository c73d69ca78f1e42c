'use client';

import { useDeferredValue, useMemo, useState } from 'react';

import { Input } from '@/components/ui/input';
import type { ParticipantDto } from '@/lib/contracts/dto';

/** Checkbox list of participants with a filter, for picking message recipients. */
export function RecipientPicker({
  participants,
  selected,
  onChange,
}: {
  participants: ParticipantDto[];
  selected: string[];
  onChange: (identities: string[]) => void;
}) {
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search).trim().toLowerCase();
  const shown = useMemo(
    () =>
      (needle
        ? participants.filter(
            (p) =>
              p.identity.toLowerCase().includes(needle) || p.name.toLowerCase().includes(needle),
          )
        : participants
      ).slice(0, 200),
    [participants, needle],
  );
  const toggle = (identity: string, checked: boolean) =>
    onChange(checked ? [...selected, identity] : selected.filter((i) => i !== identity));

  return (
    <div className="flex flex-col gap-2">
      <Input
        type="search"
        aria-label="Filter recipients"
        placeholder="Filter by identity or name"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <ul className="max-h-48 overflow-y-auto rounded-md border p-2" aria-label="Recipients">
        {shown.map((p) => (
          <li key={p.identity}>
            <label className="hover:bg-muted flex items-center gap-2 rounded px-1 py-1 text-sm">
              <input
                type="checkbox"
                className="size-4"
                checked={selected.includes(p.identity)}
                onChange={(e) => toggle(p.identity, e.target.checked)}
              />
              <span className="font-medium">{p.identity}</span>
              {p.name && p.name !== p.identity ? (
                <span className="text-muted-foreground truncate">{p.name}</span>
              ) : null}
            </label>
          </li>
        ))}
        {shown.length === 0 ? (
          <li className="text-muted-foreground px-1 py-1 text-sm">Nobody matches.</li>
        ) : null}
      </ul>
      <p className="text-muted-foreground text-xs" aria-live="polite">
        {selected.length} selected
        {participants.length > shown.length && !needle
          ? ` · showing the first ${shown.length}`
          : ''}
      </p>
    </div>
  );
}
