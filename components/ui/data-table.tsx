'use client';

import type { Row, Table } from '@tanstack/react-table';
import { Fragment, useRef, type ReactNode } from 'react';

import { cn } from '@/lib/utils';

import { clickedControl, handleRowKeyDown, TableCells, TableHead } from './table-parts';

/**
 * A react-table model rendered as the same ARIA table as VirtualTable — same header, sort buttons,
 * cells and row keys — with every row in the DOM: for lists of tens or a few pages of rows, where
 * find-in-page and screen readers should reach every row. A row may open a details row below it.
 */
export function DataTable<T>({
  table,
  label,
  gridClassName,
  minWidthClassName,
  onRowActivate,
  getRowClassName,
  renderDetails,
  className,
}: {
  table: Table<T>;
  label: string;
  gridClassName: string;
  /**
   * The table's least width (`min-w-[70rem]`, about the sum of the grid's minimums), below which
   * it scrolls sideways. Header and rows share it, so their columns line up; sizing to content
   * instead would let one long value widen every `fr` column.
   */
  minWidthClassName: string;
  /**
   * Called on a click on the row (not on a control inside it), Enter or Space. Rows are focusable
   * and the arrows, Home and End move between them either way.
   */
  onRowActivate?: (row: Row<T>) => void;
  getRowClassName?: (row: Row<T>) => string | undefined;
  /** Content of a full-width row shown under the row, or null for none. */
  renderDetails?: (row: Row<T>) => ReactNode;
  className?: string;
}) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;

  const focusRow = (index: number) =>
    bodyRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus();

  return (
    <div
      role="table"
      aria-label={label}
      className={cn('bg-card relative overflow-x-auto rounded-lg border', className)}
    >
      <TableHead table={table} gridClassName={gridClassName} className={minWidthClassName} />
      <div ref={bodyRef} role="rowgroup" className={minWidthClassName}>
        {rows.map((row, index) => {
          const details = renderDetails?.(row);

          return (
            <Fragment key={row.id}>
              <div
                role="row"
                data-row-index={index}
                tabIndex={0}
                onClick={
                  onRowActivate
                    ? (event) => {
                        if (!clickedControl(event.target, event.currentTarget)) onRowActivate(row);
                      }
                    : undefined
                }
                onKeyDown={(event) =>
                  handleRowKeyDown(event, {
                    index,
                    count: rows.length,
                    focusRow,
                    activate: onRowActivate ? () => onRowActivate(row) : undefined,
                  })
                }
                className={cn(
                  'focus-visible:bg-muted/60 grid items-center gap-3 border-b px-4 text-sm last:border-b-0',
                  gridClassName,
                  onRowActivate && 'hover:bg-muted/60 cursor-pointer',
                  getRowClassName?.(row),
                )}
              >
                <TableCells row={row} />
              </div>
              {details ? (
                // Zero intrinsic width: long parameters wrap instead of widening every column.
                <div
                  role="row"
                  className="bg-muted/30 w-0 min-w-full border-b px-4 last:border-b-0"
                >
                  <div role="cell" aria-colspan={columnCount} className="py-3">
                    {details}
                  </div>
                </div>
              ) : null}
            </Fragment>
          );
        })}
      </div>
    </div>
  );
}
