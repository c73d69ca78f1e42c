import type { ComponentProps, ReactNode } from 'react';

import { TextField } from '@/components/ui/form-field';

/**
 * The tenant of something an admin creates (a user, an API key, a portal). A tenant-bound admin
 * can only create for its own tenant, so instead of a field it reads what will happen (`bound`
 * says who is bound, e.g. "The key acts for"); the domain enforces the same rule.
 */
export function TenantField({
  actorTenant,
  bound,
  ...fieldProps
}: {
  actorTenant: string | null;
  bound: ReactNode;
} & Omit<ComponentProps<typeof TextField>, 'label'>) {
  if (actorTenant) {
    return (
      <p className="text-muted-foreground self-start text-sm sm:pt-5">
        {bound} your tenant <strong className="text-foreground">{actorTenant}</strong>.
      </p>
    );
  }
  return <TextField label="Tenant" autoComplete="off" {...fieldProps} />;
}
