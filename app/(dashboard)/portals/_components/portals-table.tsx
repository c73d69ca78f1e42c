'use client';

import { CredentialTable, type CredentialColumn } from '@/components/ui/credential-table';
import type { EmbedPortalDto } from '@/lib/contracts/embed-portals';

import { RevokePortalButton } from './revoke-portal-button';

const COLUMNS: CredentialColumn<EmbedPortalDto>[] = [
  {
    header: 'Allowed origins',
    className: 'max-w-64',
    cell: (portal) => (
      <ul className="font-mono text-xs break-all">
        {portal.allowedOrigins.map((origin) => (
          <li key={origin}>{origin}</li>
        ))}
      </ul>
    ),
  },
  { header: 'Tenant', cell: (portal) => portal.tenant ?? <span>Every tenant</span> },
  { header: 'Max role', className: 'capitalize', cell: (portal) => portal.maxRole },
  { header: 'Portal ID', className: 'font-mono text-xs', cell: (portal) => portal.id },
];

export function PortalsTable({ portals }: { portals: EmbedPortalDto[] }) {
  return (
    <CredentialTable
      caption="Embedding portals"
      items={portals}
      columns={COLUMNS}
      actions={(portal) => <RevokePortalButton portal={portal} />}
      className="min-w-[64rem]"
    />
  );
}
