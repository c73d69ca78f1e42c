'use client';

import { flexRender, type Header, type Row, type RowData, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from 'lucide-react';
import { useRef, type KeyboardEvent } from 'react';

import { cn } from '@/lib/utils';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for this column's header and cells (alignment, truncation). */
    className?: string;
  }
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function SortableHeader<T>({ header }: { header: Header<T, unknown> }) {
  const content = flexRender(header.column.columnDef.header, header.getContext());
  if (!header.column.getCanSort()) return <>{content}</>;
  const sorted = header.column.getIsSorted();
  const Icon = sorted === 'asc' ? ArrowUpIcon : sorted === 'desc' ? ArrowDownIcon : ArrowUpDownIcon;

  return (
    <button
      type="button"
      onClick={header.column.getToggleSortingHandler()}
      className="hover:text-foreground -mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 text-left"
    >
      {content}
      <Icon aria-hidden className={cn('size-3.5', !sorted && 'opacity-60')} />
    </button>
  );
}

/**
 * A react-table model rendered as an ARIA table whose body is virtualized: only the rows in view
 * (plus overscan) are in the DOM. `gridClassName` sets the shared `grid-cols-[…]` template.
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

  const handleRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, row: Row<T>, index: number) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onRowActivate?.(row);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(index - 1);
    } else if (event.key === 'Home') {
      // The first and last rows may not be rendered yet: focusRow scrolls them in first.
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusRow(rows.length - 1);
    }
  };

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      className={cn(
        'bg-card relative max-h-[calc(100dvh-16rem)] min-h-48 overflow-auto rounded-lg border',
        className,
      )}
    >
      <div role="rowgroup" className="bg-muted sticky top-0 z-10 min-w-max border-b">
        {table.getHeaderGroups().map((group) => (
          <div
            key={group.id}
            role="row"
            aria-rowindex={1}
            className={cn('grid items-center gap-3 px-4', gridClassName)}
          >
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();

              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-sort={
                    header.column.getCanSort() ? (sorted ? ARIA_SORT[sorted] : 'none') : undefined
                  }
                  className={cn(
                    'text-muted-foreground py-2.5 text-xs font-semibold',
                    header.column.columnDef.meta?.className,
                  )}
                >
                  {header.isPlaceholder ? null : <SortableHeader header={header} />}
                </div>
              );
            })}
          </div>
        ))}
      </div>
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
              onKeyDown={interactive ? (e) => handleRowKeyDown(e, row, item.index) : undefined}
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
              {row.getVisibleCells().map((cell) => (
                <div
                  key={cell.id}
                  role="cell"
                  className={cn('min-w-0 py-2', cell.column.columnDef.meta?.className)}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
