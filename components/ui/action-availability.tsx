'use client';

import { CircleSlashIcon } from 'lucide-react';
import { createContext, useContext, type ReactNode } from 'react';

const UnavailableContext = createContext<string | null>(null);

/**
 * Why the actions below cannot run any more — the room ended, the participant left — or null
 * when they can. The state changed under the user (issue: "state that changes under you"), so
 * dialogs opened before stay open and say why, and their confirm and submit buttons disable
 * themselves (`ConfirmDialog`, `ModalContent`, `SubmitButton` read this). The outer reason wins:
 * a room that ended explains more than a participant who left with it.
 */
export function ActionsUnavailable({
  reason,
  children,
}: {
  reason: string | null;
  children: ReactNode;
}) {
  const outer = useContext(UnavailableContext);

  return <UnavailableContext value={outer ?? reason}>{children}</UnavailableContext>;
}

export function useUnavailableReason(): string | null {
  return useContext(UnavailableContext);
}

/** The reason, announced (role="alert": it appears while the user is busy in a dialog). */
export function UnavailableNotice({ className }: { className?: string }) {
  const reason = useUnavailableReason();
  if (!reason) return null;

  return (
    <p
      role="alert"
      className={`border-destructive/40 bg-destructive/10 text-foreground flex items-start gap-2 rounded-md border px-3 py-2 text-sm ${className ?? ''}`}
    >
      <CircleSlashIcon aria-hidden className="text-destructive mt-0.5 size-4 shrink-0" />
      {reason}
    </p>
  );
}

/** Disables every button and field inside (natively, through a disabled fieldset) when unavailable. */
export function DisabledWhenUnavailable({ children }: { children: ReactNode }) {
  const reason = useUnavailableReason();

  return (
    <fieldset disabled={reason !== null} className="contents">
      {children}
    </fieldset>
  );
}
