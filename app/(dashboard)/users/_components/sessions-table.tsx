'use client';

import { RelativeTime } from '@/components/ui/relative-time';
import type { UserSessionDto } from '@/lib/contracts/user-sessions';

import { deviceLabel } from './device-label';
import { TABLE_HEAD_CLASS } from '@/components/ui/table-head-class';

const HEADERS = ['Device', 'Address', 'Signed in', 'Last seen'];

/** One row per open session; the device cell's title holds the full User-Agent string. */
export function SessionsTable({
  username,
  sessions,
}: {
  username: string;
  sessions: UserSessionDto[];
}) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Active sessions of {username}</caption>
        <thead className={TABLE_HEAD_CLASS}>
          <tr>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y">
          {sessions.map((session) => (
            <tr key={session.id}>
              <th
                scope="row"
                className="px-3 py-2 font-medium"
                title={session.userAgent ?? undefined}
              >
                {deviceLabel(session.userAgent)}
              </th>
              <td className="px-3 py-2 font-mono text-xs">{session.ip ?? '—'}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <RelativeTime atMs={session.createdAtMs} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <RelativeTime atMs={session.lastSeenAtMs} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
