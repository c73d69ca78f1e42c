import 'server-only';

import type { EmbedPortalDto } from '@/lib/contracts/embed-portals';
import { findEmbedPortalById, type StoredEmbedPortal } from '@/lib/db/embed-portals';

import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { assertTenantAssignable, managesTenant } from '../tenant';

/** A tenant-bound admin manages its own tenant's portals only; unbound admins manage every one. */
export function canSeePortal(actor: Actor, portal: Pick<StoredEmbedPortal, 'tenant'>): boolean {
  return managesTenant(actor, portal.tenant);
}

/** Another tenant's portal is `not_found`, like another tenant's room, user or API key. */
export async function findManagedPortal(
  actor: Actor,
  portalId: string,
): Promise<StoredEmbedPortal> {
  const portal = await findEmbedPortalById(portalId);
  if (!portal || !canSeePortal(actor, portal)) {
    throw new DomainError('not_found', 'Embedding portal not found.');
  }
  return portal;
}

/** A tenant-bound admin may neither create a portal for another tenant nor one for every tenant. */
export function assertPortalTenantAssignable(actor: Actor, tenant: string | null): void {
  assertTenantAssignable(actor, tenant, 'portals');
}

export function toEmbedPortalDto(portal: StoredEmbedPortal): EmbedPortalDto {
  return {
    id: portal.id,
    name: portal.name,
    allowedOrigins: portal.allowedOrigins,
    tenant: portal.tenant,
    maxRole: portal.maxRole,
    createdBy: portal.createdBy,
    createdAtMs: portal.createdAtMs,
    lastUsedAtMs: portal.lastUsedAtMs,
    revokedAtMs: portal.revokedAtMs,
  };
}
