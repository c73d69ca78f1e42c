import { Badge } from '@/components/ui/badge';
import type { Role } from '@/lib/policy/permissions';

const ROLE_TONE = { admin: 'danger', moderator: 'info', viewer: 'neutral' } as const;

/** Who is signed in: name, role and (for tenant-bound users) the tenant. */
export function UserSummary({
  name,
  role,
  tenant,
}: {
  name: string;
  role: Role;
  tenant: string | null;
}) {
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
