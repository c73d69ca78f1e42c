'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';

import type { Permission, Role } from '@/lib/contracts/permissions';

/** Who is signed in, for display only: decisions ask `useCan()`. */
export interface ActorSummary {
  name: string;
  role: Role;
  /** Tenant `auth_id` the user is bound to; null = every tenant. */
  tenant: string | null;
}

interface ActorContextValue {
  summary: ActorSummary;
  permissions: ReadonlySet<Permission>;
}

const ActorContext = createContext<ActorContextValue | null>(null);

/**
 * Carries the signed-in actor's grants (as the server computed them) to the controls below it.
 * Hiding a control is UX only: every operation checks the same permission on the server.
 */
export function ActorProvider({
  permissions,
  name,
  role,
  tenant,
  children,
}: ActorSummary & { permissions: Permission[]; children: ReactNode }) {
  const value = useMemo(
    () => ({ summary: { name, role, tenant }, permissions: new Set(permissions) }),
    [permissions, name, role, tenant],
  );

  return <ActorContext value={value}>{children}</ActorContext>;
}

function useActorContext(): ActorContextValue {
  const value = useContext(ActorContext);
  if (!value) throw new Error('useCan() and useActorSummary() need an <ActorProvider> above them.');

  return value;
}

/** Whether the signed-in actor holds `permission`; decides which controls to show. */
export function useCan(permission: Permission): boolean {
  return useActorContext().permissions.has(permission);
}

/** Whether the signed-in actor holds at least one of `permissions` (e.g. to show a menu at all). */
export function useCanAny(permissions: readonly Permission[]): boolean {
  const granted = useActorContext().permissions;

  return permissions.some((permission) => granted.has(permission));
}

export function useActorSummary(): ActorSummary {
  return useActorContext().summary;
}
