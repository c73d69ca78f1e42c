'use client';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import type { UserDto } from '@/lib/contracts/dto';

import { UserActions } from './user-actions';

const HEADERS = [
  'Username',
  'Name',
  'Role',
  'Tenant',
  'Provider',
  'Status',
  'Last sign-in',
  'Created',
];

function Dash() {
  return <span className="text-muted-foreground">—</span>;
}

/**
 * A plain table: an organisation has tens of accounts, not thousands, so no virtualization, and
 * every row stays in the DOM for find-in-page and screen readers.
 */
export function UsersTable({
  users,
  currentUserId,
  actorTenant,
}: {
  users: UserDto[];
  currentUserId: string;
  actorTenant: string | null;
}) {
  return (
    <div className="bg-card overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[60rem] text-left text-sm">
        <caption className="sr-only">Dashboard users</caption>
        <thead className="bg-muted text-muted-foreground text-xs font-semibold tracking-wide uppercase">
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
          {users.map((user) => (
            <tr key={user.id} className={user.disabled ? 'text-muted-foreground' : undefined}>
              <th scope="row" className="px-4 py-2 font-mono text-xs font-medium">
                {user.username}
                {user.id === currentUserId ? (
                  <span className="text-muted-foreground font-sans"> (you)</span>
                ) : null}
              </th>
              <td className="px-4 py-2">{user.name}</td>
              <td className="px-4 py-2 capitalize">{user.role}</td>
              <td className="px-4 py-2">{user.tenant ?? <Dash />}</td>
              <td className="px-4 py-2">{user.provider === 'oidc' ? 'OIDC' : 'Local'}</td>
              <td className="px-4 py-2">
                {user.disabled ? (
                  <Badge tone="danger">Disabled</Badge>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">
                {user.lastSignInAtMs ? <RelativeTime atMs={user.lastSignInAtMs} /> : 'Never'}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">
                <RelativeTime atMs={user.createdAtMs} />
              </td>
              <td className="px-4 py-2">
                <UserActions
                  user={user}
                  isSelf={user.id === currentUserId}
                  actorTenant={actorTenant}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
