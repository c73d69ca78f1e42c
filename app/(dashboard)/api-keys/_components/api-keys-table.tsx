'use client';

import { CredentialTable, type CredentialColumn } from '@/components/ui/credential-table';
import type { ApiKeyDto } from '@/lib/contracts/api-keys';

import { RevokeApiKeyButton } from './revoke-api-key-button';

const COLUMNS: CredentialColumn<ApiKeyDto>[] = [
  { header: 'Key', className: 'font-mono text-xs', cell: (key) => `${key.prefix}…` },
  { header: 'Role', className: 'capitalize', cell: (key) => key.role },
  { header: 'Tenant', cell: (key) => key.tenant ?? <span>Every tenant</span> },
  {
    header: 'Rooms',
    className: 'max-w-56',
    cell: (key) =>
      key.rooms ? (
        <span className="font-mono text-xs break-all">{key.rooms.join(', ')}</span>
      ) : (
        'Every room'
      ),
  },
];

export function ApiKeysTable({ apiKeys }: { apiKeys: ApiKeyDto[] }) {
  return (
    <CredentialTable
      caption="API keys"
      items={apiKeys}
      columns={COLUMNS}
      actions={(key) => <RevokeApiKeyButton apiKey={key} />}
      className="min-w-[56rem]"
    />
  );
}
