'use client';

import { EllipsisVerticalIcon } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';

import { buttonClassName } from '@/components/ui/button';
import type { ParticipantDto } from '@/lib/contracts/dto';

const loadMenu = () => import('@/components/moderation/participant-actions-menu');
const ParticipantActionsMenu = lazy(() =>
  loadMenu().then((m) => ({ default: m.ParticipantActionsMenu })),
);

/**
 * Per-participant moderation controls: the row's actions menu (items filtered by `useCan()`).
 * Until a row's menu is first used, the row shows a stand-in trigger with the same name: the menu
 * (radix, three mutation hooks, nine dialogs) in every row of a room of fifty took longer to
 * render than everything else on the embedded room page (bench/embed.ts). Its first use mounts
 * the real menu, already open.
 */
export function ParticipantActions({
  roomName,
  participant,
}: {
  roomName: string;
  participant: ParticipantDto;
}) {
  const [used, setUsed] = useState(false);
  const trigger = <StandInTrigger identity={participant.identity} onOpen={() => setUsed(true)} />;
  if (!used) return trigger;

  return (
    <Suspense fallback={trigger}>
      <ParticipantActionsMenu roomName={roomName} participant={participant} defaultOpen />
    </Suspense>
  );
}

function StandInTrigger({ identity, onOpen }: { identity: string; onOpen: () => void }) {
  return (
    <button
      type="button"
      className={buttonClassName({ variant: 'ghost', size: 'icon' })}
      aria-label={`Actions for ${identity}`}
      aria-haspopup="menu"
      aria-expanded={false}
      // On click, not on pointerdown as radix's own trigger: a menu mounted before the press ends
      // would see the press focus its new trigger, outside the menu, and close at once. Enter and
      // Space click a button too. The row opens the participant panel on click; this must not.
      onClick={(event) => {
        event.stopPropagation();
        onOpen();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowDown') return;
        event.preventDefault();
        onOpen();
      }}
    >
      <EllipsisVerticalIcon aria-hidden />
    </button>
  );
}

/** Loads the menu once the page is idle, so the first use of a row's trigger opens it at once. */
export function usePreloadParticipantActions(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => void loadMenu(), 1000);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(() => void loadMenu());
    return () => cancelIdleCallback(handle);
  }, [enabled]);
}
