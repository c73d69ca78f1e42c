// @vitest-environment jsdom
import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { VirtualTable } from './virtual-table';

interface Item {
  id: string;
  label: string;
}

/** How often each item's cell rendered, by id. */
let renders: Map<string, number>;

function LabelCell({ item }: { item: Item }) {
  renders.set(item.id, (renders.get(item.id) ?? 0) + 1);
  return <span>{item.label}</span>;
}

const columns: ColumnDef<Item>[] = [
  { id: 'label', header: 'Label', cell: ({ row }) => <LabelCell item={row.original} /> },
];

function Table({ items, picked }: { items: Item[]; picked?: string }) {
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: items,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (item) => item.id,
  });
  return (
    <VirtualTable
      table={table}
      label="Items"
      gridClassName="grid-cols-1"
      estimateRowHeight={40}
      getRowState={(row) => row.original.id === picked}
    />
  );
}

const item = (id: string, label = id): Item => ({ id, label });

describe('VirtualTable', () => {
  afterEach(cleanup);
  // jsdom lays nothing out: give the scroll box a size, so the virtualizer shows rows.
  const sized = ['clientWidth', 'clientHeight'] as const;
  beforeAll(() => {
    for (const key of sized) {
      Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => 800 });
    }
  });
  afterAll(() => {
    for (const key of sized) Reflect.deleteProperty(HTMLElement.prototype, key);
  });

  it('renders again only the cells of items that changed, whatever moved', () => {
    renders = new Map();
    const items = ['b', 'c', 'd'].map((id) => item(id));
    const { rerender } = render(<Table items={items} />);
    expect(Object.fromEntries(renders)).toEqual({ b: 1, c: 1, d: 1 });

    // A live patch: one item joins at the top (every row moves down one), one changes.
    rerender(<Table items={[item('a'), items[0]!, item('c', 'c2'), items[2]!]} />);
    expect(Object.fromEntries(renders)).toEqual({ a: 1, b: 1, c: 2, d: 1 });
    expect(screen.getAllByRole('row').map((row) => row.getAttribute('aria-rowindex'))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(screen.getByRole('cell', { name: 'c2' })).toBeTruthy();
  });

  it('renders a row again when its row state changes', () => {
    renders = new Map();
    const items = ['a', 'b'].map((id) => item(id));
    const { rerender } = render(<Table items={items} />);
    rerender(<Table items={items} picked="b" />);
    expect(Object.fromEntries(renders)).toEqual({ a: 1, b: 2 });
  });
});
