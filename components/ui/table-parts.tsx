'use client';

import { flexRender, type Header, type Row, type RowData, type Table } from '@tanstack/react-table';
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from 'lucide-react';
import { memo, type KeyboardEvent, type ReactNode } from 'react';

import { cn } from '@/lib/utils';

/**
 * What every table of the dashboard shares, whether its body is virtualized (VirtualTable) or not
 * (DataTable): the header row with its sort buttons and `aria-sort`, the cells, and the keys that
 * move between rows. One look and one behaviour, written once.
 */

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes for this column's header and cells (alignment, truncation). */
    className?: string;
    /** This column's cells name their row (`rowheader`), like a username. */
    rowHeader?: boolean;
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
 * The sticky header row group: one `columnheader` per column, sortable ones with a button. Its
 * width is at least its content's unless `className` sets another minimum (DataTable's).
 */
export function TableHead<T>({
  table,
  gridClassName,
  className,
}: {
  table: Table<T>;
  gridClassName: string;
  className?: string;
}) {
  return (
    <div role="rowgroup" className={cn('bg-muted sticky top-0 z-10 min-w-max border-b', className)}>
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
  );
}

/** A row's cells; a column marked `rowHeader` names the row. */
export function TableCells<T>({ row }: { row: Row<T> }) {
  return row.getVisibleCells().map((cell) => {
    const meta = cell.column.columnDef.meta;

    return (
      <div
        key={cell.id}
        role={meta?.rowHeader ? 'rowheader' : 'cell'}
        className={cn('min-w-0 py-2', meta?.className)}
      >
        {flexRender(cell.column.columnDef.cell, cell.getContext())}
      </div>
    );
  });
}

/**
 * TableCells that render again only when what they show changed: the row's data item, the
 * table's columns (and which are visible), or `rowState`, what the cells read from outside the
 * item (whether the row is selected). react-table builds new Row objects for every row whenever
 * the data changes, so a live patch of one participant would otherwise re-render every cell of
 * every row in view; with this, the rows around it keep their cells and only their position is
 * updated (React's memo: https://react.dev/reference/react/memo).
 */
export const MemoTableCells = memo(
  function MemoTableCells<T>({ row }: { row: Row<T>; columns: unknown; rowState: unknown }) {
    return <TableCells row={row} />;
  },
  (before, after) =>
    before.row.original === after.row.original &&
    before.row.id === after.row.id &&
    before.columns === after.columns &&
    Object.is(before.rowState, after.rowState),
) as <T>(props: { row: Row<T>; columns: unknown; rowState: unknown }) => ReactNode;

/**
 * The keys of a focused row: Enter or Space activates it, the arrows move one row, Home and End to
 * the first and last. `focusRow` scrolls the row in if needed; keys pressed inside the row's own
 * controls are theirs.
 */
export function handleRowKeyDown(
  event: KeyboardEvent<HTMLElement>,
  {
    index,
    count,
    focusRow,
    activate,
  }: {
    index: number;
    count: number;
    focusRow: (index: number) => void;
    activate?: () => void;
  },
): void {
  if (event.target !== event.currentTarget) return;
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    Home: 0,
    End: count - 1,
  };
  const target = moves[event.key];
  if ((event.key === 'Enter' || event.key === ' ') && activate) {
    event.preventDefault();
    activate();
  } else if (target !== undefined) {
    event.preventDefault();
    if (target >= 0 && target < count) focusRow(target);
  }
}

/** True when a click landed on a control inside the row (a link, a button), not on the row. */
export function clickedControl(target: EventTarget, row: Element): boolean {
  const control =
    target instanceof Element
      ? target.closest('a, button, input, select, textarea, [role="button"], [role="menuitem"]')
      : null;
  return control !== null && control !== row && row.contains(control);
}
