'use client';

import type { ReactNode } from 'react';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { cn } from '@/lib/utils';
import { TABLE_HEAD_CLASS } from '@/components/ui/table-head-class';

/** What every credential an admin creates, uses and revokes has (API keys, embedding portals). */
export interface Credential {
  id: string;
  name: string;
  createdBy: string;
  createdAtMs: number;
  lastUsedAtMs: number | null;
  revokedAtMs: number | null;
}

export interface CredentialColumn<T> {
  header: string;
  className?: string;
  cell: (item: T) => ReactNode;
}

function Dash() {
  return <span className="text-muted-foreground">—</span>;
}

/**
 * A table of credentials: the name heads each row, the caller's own columns follow, then when and
 * by whom it was created, its last use, its status and — while it is active — what `actions`
 * renders (its Revoke button). A plain table: a deployment has a handful, so every row stays in
 * the DOM.
 */
export function CredentialTable<T extends Credential>({
  caption,
  items,
  columns,
  actions,
  className,
}: {
  caption: string;
  items: T[];
  columns: CredentialColumn<T>[];
  actions: (item: T) => ReactNode;
  /** The table's minimum width, e.g. `min-w-[56rem]`. */
  className?: string;
}) {
  const headers = ['Name', ...columns.map((c) => c.header), 'Created', 'Last used', 'Status'];

  return (
    <div className="bg-card overflow-x-auto rounded-lg border">
      <table className={cn('w-full text-left text-sm', className)}>
        <caption className="sr-only">{caption}</caption>
        <thead className={TABLE_HEAD_CLASS}>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-4 py-2.5">
                {h}
              </th>
            ))}
            <th scope="col" className="px-4 py-2.5 text-right">
              Actions
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {items.map((item) => {
            const revoked = item.revokedAtMs !== null;
            return (
              <tr key={item.id} className={revoked ? 'text-muted-foreground' : undefined}>
                <th scope="row" className="px-4 py-2 font-mono text-xs font-medium">
                  {item.name}
                </th>
                {columns.map((column) => (
                  <td key={column.header} className={cn('px-4 py-2', column.className)}>
                    {column.cell(item)}
                  </td>
                ))}
                <td className="px-4 py-2 whitespace-nowrap">
                  <RelativeTime atMs={item.createdAtMs} />
                  <span className="text-muted-foreground block text-xs">by {item.createdBy}</span>
                </td>
                <td className="px-4 py-2 whitespace-nowrap">
                  {item.lastUsedAtMs ? <RelativeTime atMs={item.lastUsedAtMs} /> : 'Never'}
                </td>
                <td className="px-4 py-2">
                  {revoked ? (
                    <Badge tone="danger">Revoked</Badge>
                  ) : (
                    <Badge tone="success">Active</Badge>
                  )}
                </td>
                <td className="px-4 py-2 text-right">{revoked ? <Dash /> : actions(item)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
