'use client';

import { Badge } from '@/components/ui/badge';
import { RelativeTime, useNow } from '@/components/ui/relative-time';
import { banStatus, type BanDto, type BanStatus } from '@/lib/contracts/bans';

import { LiftBanButton } from './lift-ban-button';
import { TABLE_HEAD_CLASS } from '@/components/ui/table-head-class';

const STATUS: Record<BanStatus, { label: string; tone: 'danger' | 'neutral' }> = {
  active: { label: 'Active', tone: 'danger' },
  expired: { label: 'Expired', tone: 'neutral' },
  lifted: { label: 'Lifted', tone: 'neutral' },
};

const HEADERS = ['Identity', 'Reason', 'Room', 'Banned by', 'Created', 'Expires', 'Status'];

/**
 * Every ban the actor may see, newest first. A plain table: bans are few (at most 1,000 are
 * listed), so every row stays in the DOM.
 */
export function BansTable({ bans }: { bans: BanDto[] }) {
  const nowMs = useNow();

  return (
    <div className="bg-card overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[64rem] text-left text-sm">
        <caption className="sr-only">Bans</caption>
        <thead className={TABLE_HEAD_CLASS}>
          <tr>
            {HEADERS.map((h) => (
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
          {bans.map((ban) => {
            const status = banStatus(ban, nowMs);
            return (
              <tr
                key={ban.id}
                className={status === 'active' ? undefined : 'text-muted-foreground'}
              >
                <th scope="row" className="px-4 py-2 font-mono text-xs font-medium break-all">
                  {ban.identity}
                  {ban.namePattern ? (
                    <span className="text-muted-foreground block font-sans font-normal">
                      and names like <code>{ban.namePattern}</code>
                    </span>
                  ) : null}
                </th>
                <td className="max-w-72 px-4 py-2 break-words">{ban.reason}</td>
                <td className="px-4 py-2">
                  {ban.roomName ? (
                    <span className="font-mono text-xs break-all">{ban.roomName}</span>
                  ) : ban.tenant ? (
                    `Every room of ${ban.tenant}`
                  ) : (
                    'Every room'
                  )}
                </td>
                <td className="px-4 py-2">{ban.createdBy}</td>
                <td className="px-4 py-2 whitespace-nowrap">
                  <RelativeTime atMs={ban.createdAtMs} />
                </td>
                <td className="px-4 py-2 whitespace-nowrap">
                  {ban.expiresAtMs === null ? 'Never' : <RelativeTime atMs={ban.expiresAtMs} />}
                </td>
                <td className="px-4 py-2">
                  <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>
                  {ban.liftedBy ? (
                    <span className="text-muted-foreground block text-xs">by {ban.liftedBy}</span>
                  ) : null}
                </td>
                <td className="px-4 py-2 text-right">
                  {status === 'active' ? (
                    <LiftBanButton ban={ban} />
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
