'use client';

import type { Row, Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type CSSProperties, type Key, type Ref } from 'react';

import { cn } from '@/lib/utils';

import { useEveryRow } from './every-row';
import { handleRowKeyDown, MemoTableCells, TableHead } from './table-parts';

/**
 * A react-table model rendered as an ARIA table whose body is virtualized: only the rows in view
 * (plus overscan) are in the DOM. `gridClassName` sets the shared `grid-cols-[…]` template.
 * Where tables show every row (inside a portal's iframe, ./every-row.ts) the rows are in the
 * flow instead, all of them, with nothing to measure.
 */
export function VirtualTable<T>({
  table,
  label,
  gridClassName,
  estimateRowHeight,
  dynamicRowHeight = false,
  onRowActivate,
  getRowLabel,
  getRowState,
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
  /**
   * What a row's cells show besides its data item (e.g. whether it is selected): cells render
   * again only when their item, the columns or this value changes (MemoTableCells).
   */
  getRowState?: (row: Row<T>) => unknown;
  className?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  // Memoized by react-table: the same array until the columns or their visibility change.
  const columns = table.getVisibleLeafColumns();
  const everyRow = useEveryRow();
  // Not memoized by the React Compiler (unused here); the virtualizer re-renders on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: everyRow ? 0 : rows.length,
    // Off where every row is in the flow: even with no rows, an enabled virtualizer reads its
    // element's size during the first commit, forcing a layout of the page before it is complete.
    enabled: !everyRow,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    overscan: 8,
    // Lets the server render the first screen of rows before the browser measures anything.
    initialRect: { width: 1200, height: 720 },
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  const rowElement = (index: number) =>
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    if (everyRow) {
      rowElement(index)?.focus();
      return;
    }
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // A far row (Home/End in a long list) is rendered only after the scroll it causes: look for it
    // over a few frames rather than once.
    const focusWhenRendered = (framesLeft: number) =>
      requestAnimationFrame(() => {
        const row = rowElement(index);
        if (row) row.focus();
        else if (framesLeft > 0) focusWhenRendered(framesLeft - 1);
      });
    focusWhenRendered(10);
  };

  const interactive = Boolean(onRowActivate);
  const renderRow = (
    row: Row<T>,
    index: number,
    placement: { key: Key; ref?: Ref<HTMLDivElement>; style?: CSSProperties },
  ) => (
    <div
      key={placement.key}
      ref={placement.ref}
      data-index={index}
      role="row"
      aria-rowindex={index + 2}
      aria-label={getRowLabel?.(row)}
      tabIndex={interactive ? 0 : undefined}
      onClick={interactive ? () => onRowActivate?.(row) : undefined}
      onKeyDown={
        interactive
          ? (event) =>
              handleRowKeyDown(event, {
                index,
                count: rows.length,
                focusRow,
                activate: () => onRowActivate?.(row),
              })
          : undefined
      }
      className={cn(
        'grid items-center gap-3 border-b px-4 text-sm last:border-b-0',
        !everyRow && 'absolute inset-x-0 top-0',
        gridClassName,
        interactive && 'hover:bg-muted/60 focus-visible:bg-muted/60 cursor-pointer',
        !everyRow && !dynamicRowHeight && 'overflow-hidden',
      )}
      style={placement.style}
    >
      <MemoTableCells row={row} columns={columns} rowState={getRowState?.(row)} />
    </div>
  );

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      className={cn(
        'bg-card relative min-h-48 overflow-auto rounded-lg border',
        !everyRow && 'max-h-[calc(100dvh-16rem)]',
        className,
      )}
    >
      <TableHead table={table} gridClassName={gridClassName} />
      {everyRow ? (
        <div role="rowgroup">
          {rows.map((row, index) => renderRow(row, index, { key: row.id }))}
        </div>
      ) : (
        <div
          role="rowgroup"
          className="relative min-w-max"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return renderRow(row, item.index, {
              key: item.key,
              ref: dynamicRowHeight ? virtualizer.measureElement : undefined,
              style: {
                transform: `translateY(${item.start}px)`,
                ...(dynamicRowHeight ? {} : { height: item.size }),
              },
            });
          })}
        </div>
      )}
    </div>
  );
}
