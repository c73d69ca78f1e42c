'use client';

import type { Row, Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

import { cn } from '@/lib/utils';

import { handleRowKeyDown, TableCells, TableHead } from './table-parts';

/**
 * A react-table model rendered as an ARIA table whose body is virtualized: only the rows in view
 * (plus overscan) are in the DOM. `gridClassName` sets the shared `grid-cols-[…]` template.
 *
 * In the dashboard the table scrolls within the window's height. Inside a portal's iframe
 * (`data-embedded`, components/embed/embed-frame.tsx) the host sizes the frame to its content,
 * so a cap tied to the frame's own height grew with every resize the host made — one round trip
 * to the host per step, until every row was shown. There the table takes its full height at once.
 */
export function VirtualTable<T>({
  table,
  label,
  gridClassName,
  estimateRowHeight,
  dynamicRowHeight = false,
  onRowActivate,
  getRowLabel,
  className,
}: {
  table: Table<T>;
  label: string;
  gridClassName: string;
  estimateRowHeight: number;
  /** Measure rendered rows (for rows whose content wraps). */
  dynamicRowHeight?: boolean;
  /** Makes rows focusable; called on click, Enter or Space. */
  onRowActivate?: (row: Row<T>) => void;
  getRowLabel?: (row: Row<T>) => string;
  className?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  // Not memoized by the React Compiler (unused here); the virtualizer re-renders on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    overscan: 8,
    // Lets the server render the first screen of rows before the browser measures anything.
    initialRect: { width: 1200, height: 720 },
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // A far row (Home/End in a long list) is rendered only after the scroll it causes: look for it
    // over a few frames rather than once.
    const focusWhenRendered = (framesLeft: number) =>
      requestAnimationFrame(() => {
        const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
        if (row) row.focus();
        else if (framesLeft > 0) focusWhenRendered(framesLeft - 1);
      });
    focusWhenRendered(10);
  };

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      className={cn(
        'bg-card relative max-h-[calc(100dvh-16rem)] min-h-48 overflow-auto rounded-lg border in-data-embedded:max-h-none',
        className,
      )}
    >
      <TableHead table={table} gridClassName={gridClassName} />
      <div
        role="rowgroup"
        className="relative min-w-max"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const interactive = Boolean(onRowActivate);

          return (
            <div
              key={item.key}
              ref={dynamicRowHeight ? virtualizer.measureElement : undefined}
              data-index={item.index}
              role="row"
              aria-rowindex={item.index + 2}
              aria-label={getRowLabel?.(row)}
              tabIndex={interactive ? 0 : undefined}
              onClick={interactive ? () => onRowActivate?.(row) : undefined}
              onKeyDown={
                interactive
                  ? (event) =>
                      handleRowKeyDown(event, {
                        index: item.index,
                        count: rows.length,
                        focusRow,
                        activate: () => onRowActivate?.(row),
                      })
                  : undefined
              }
              className={cn(
                'absolute inset-x-0 top-0 grid items-center gap-3 border-b px-4 text-sm last:border-b-0',
                gridClassName,
                interactive && 'hover:bg-muted/60 focus-visible:bg-muted/60 cursor-pointer',
                !dynamicRowHeight && 'overflow-hidden',
              )}
              style={{
                transform: `translateY(${item.start}px)`,
                ...(dynamicRowHeight ? {} : { height: item.size }),
              }}
            >
              <TableCells row={row} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
