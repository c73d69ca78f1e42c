import 'server-only';

import type { ApiKeyDto } from '@/lib/contracts/api-keys';
import { findApiKeyById, type StoredApiKey } from '@/lib/db/api-keys';

import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { assertTenantAssignable, managesTenant } from '../tenant';

/** A tenant-bound admin manages its own tenant's keys only; unbound admins manage every key. */
export function canSeeApiKey(actor: Actor, key: Pick<StoredApiKey, 'tenant'>): boolean {
  return managesTenant(actor, key.tenant);
}

/** Another tenant's key is `not_found`, like another tenant's room or user. */
export async function findManagedApiKey(actor: Actor, keyId: string): Promise<StoredApiKey> {
  const key = await findApiKeyById(keyId);
  if (!key || !canSeeApiKey(actor, key)) throw new DomainError('not_found', 'API key not found.');
  return key;
}

/** A tenant-bound admin may neither create a key for another tenant nor one for every tenant. */
export function assertKeyTenantAssignable(actor: Actor, tenant: string | null): void {
  assertTenantAssignable(actor, tenant, 'keys');
}

export function toApiKeyDto(key: StoredApiKey): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    role: key.role,
    tenant: key.tenant,
    rooms: key.rooms,
    createdBy: key.createdBy,
    createdAtMs: key.createdAtMs,
    lastUsedAtMs: key.lastUsedAtMs,
    revokedAtMs: key.revokedAtMs,
  };
}
