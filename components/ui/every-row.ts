'use client';

import { createContext, useContext } from 'react';

/**
 * Whether tables show every row in the page's flow instead of a scrolling window of them
 * (components/ui/virtual-table.tsx). True inside a portal's iframe
 * (components/embed/embed-frame.tsx), where the host sizes the frame to its content: there is no
 * window to scroll. A table capped to the frame's height grew with each resize the host made, a
 * postMessage round trip per step until it showed every row, and measuring its virtual rows
 * forced layouts of the whole page on the way.
 */
export const EveryRowContext = createContext(false);

export function useEveryRow(): boolean {
  return useContext(EveryRowContext);
}
