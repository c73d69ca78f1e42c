'use client';

import { createContext, useContext, type ReactNode, type RefObject } from 'react';

const ReturnFocusContext = createContext<RefObject<HTMLElement | null> | null>(null);

/**
 * Names the control that dialogs inside it were opened from. Radix returns focus to whatever was
 * focused when a dialog opened, but a dialog opened from a menu item opens as the menu (and its
 * item) goes away, so focus would fall to <body> on close and the next Tab restart at "Skip to
 * content". `ModalContent` and `ConfirmDialog` read this and send focus back here instead.
 */
export function ReturnFocusTo({
  target,
  children,
}: {
  target: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  return <ReturnFocusContext.Provider value={target}>{children}</ReturnFocusContext.Provider>;
}

/**
 * A dialog's `onCloseAutoFocus`: focuses the control named by the nearest `ReturnFocusTo`, when it
 * is still on the page, and otherwise leaves radix's own choice alone.
 */
export function useReturnFocus(): (event: Event) => void {
  const target = useContext(ReturnFocusContext);

  return (event) => {
    const control = target?.current;
    if (event.defaultPrevented || !control?.isConnected) return;
    event.preventDefault();
    control.focus();
  };
}
