'use client';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import type { ApiKeyDto } from '@/lib/contracts/api-keys';

import { RevokeApiKeyButton } from './revoke-api-key-button';

const HEADERS = ['Name', 'Key', 'Role', 'Tenant', 'Rooms', 'Created', 'Last used', 'Status'];

function Dash() {
  return <span className="text-muted-foreground">—</span>;
}

/** A plain table: a deployment has a handful of keys, so every row stays in the DOM. */
export function ApiKeysTable({ apiKeys }: { apiKeys: ApiKeyDto[] }) {
  return (
    <div className="bg-card overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="sr-only">API keys</caption>
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
          {apiKeys.map((key) => {
            const revoked = key.revokedAtMs !== null;
            return (
              <tr key={key.id} className={revoked ? 'text-muted-foreground' : undefined}>
                <th scope="row" className="px-4 py-2 font-mono text-xs font-medium">
                  {key.name}
                </th>
                <td className="px-4 py-2 font-mono text-xs">{key.prefix}…</td>
                <td className="px-4 py-2 capitalize">{key.role}</td>
                <td className="px-4 py-2">{key.tenant ?? <span>Every tenant</span>}</td>
                <td className="max-w-56 px-4 py-2">
                  {key.rooms ? (
                    <span className="font-mono text-xs break-all">{key.rooms.join(', ')}</span>
                  ) : (
                    'Every room'
                  )}
                </td>
                <td className="px-4 py-2 whitespace-nowrap">
                  <RelativeTime atMs={key.createdAtMs} />
                  <span className="text-muted-foreground block text-xs">by {key.createdBy}</span>
                </td>
                <td className="px-4 py-2 whitespace-nowrap">
                  {key.lastUsedAtMs ? <RelativeTime atMs={key.lastUsedAtMs} /> : 'Never'}
                </td>
                <td className="px-4 py-2">
                  {revoked ? (
                    <Badge tone="danger">Revoked</Badge>
                  ) : (
                    <Badge tone="success">Active</Badge>
                  )}
                </td>
                <td className="px-4 py-2 text-right">
                  {revoked ? <Dash /> : <RevokeApiKeyButton apiKey={key} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
