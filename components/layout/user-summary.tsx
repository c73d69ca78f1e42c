'use client';

import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Role } from '@/lib/contracts/permissions';
import { useActorSummary } from '@/lib/queries/actor-context';

const ROLE_TONE: Record<Role, BadgeTone> = {
  admin: 'danger',
  moderator: 'info',
  viewer: 'neutral',
};

/** Who is signed in: name, role and (for tenant-bound users) the tenant. */
export function UserSummary() {
  const { name, role, tenant } = useActorSummary();

  return (
    <div className="flex min-w-0 items-center gap-2 text-sm" aria-label="Signed-in user">
      <span className="truncate font-medium">{name}</span>
      <Badge tone={ROLE_TONE[role]} className="capitalize">
        {role}
      </Badge>
      {tenant ? (
        <Badge tone="neutral" title="Tenant">
          <span className="sr-only">Tenant </span>
          {tenant}
        </Badge>
      ) : null}
    </div>
  );
}
