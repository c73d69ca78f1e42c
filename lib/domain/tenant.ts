import { DomainError } from './errors';

/**
 * Tenancy follows the portal contract (docs/livekit-behaviour.md §10): a room belongs to the tenant whose id is
 * the `auth_id` key of the room's JSON metadata. Non-JSON metadata means "no tenant".
 */
export function tenantOf(metadata: string): string | null {
  if (!metadata || metadata[0] !== '{') return null;
  try {
    const parsed: unknown = JSON.parse(metadata);
    if (parsed && typeof parsed === 'object' && 'auth_id' in parsed) {
      const authId = (parsed as { auth_id: unknown }).auth_id;
      if (typeof authId === 'string' && authId.length > 0) return authId;
      if (typeof authId === 'number') return String(authId);
    }
  } catch {
    // Metadata that only looks like JSON carries no tenant.
  }
  return null;
}

/**
 * Metadata with the tenant's `auth_id` set, for rooms a tenant-bound user creates or edits: such a
 * user may not orphan a room or hand it to another tenant. Non-JSON metadata cannot carry a tenant.
 */
export function withTenant(metadata: string, tenant: string): string {
  if (metadata.trim() === '') return JSON.stringify({ auth_id: tenant });
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    throw new DomainError(
      'invalid_input',
      'Rooms of a tenant need JSON metadata (it carries the tenant’s auth_id).',
      { fieldErrors: { metadata: ['Must be a JSON object'] } },
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DomainError('invalid_input', 'Rooms of a tenant need a JSON object as metadata.', {
      fieldErrors: { metadata: ['Must be a JSON object'] },
    });
  }
  const authId = (parsed as Record<string, unknown>).auth_id;
  if (authId !== undefined && String(authId) !== tenant) {
    throw new DomainError('forbidden', 'You cannot assign a room to another tenant.');
  }
  return JSON.stringify({ ...(parsed as Record<string, unknown>), auth_id: tenant });
}

/**
 * Whether an admin manages something of `tenant` (an API key, a portal): a tenant-bound admin
 * only its own tenant's, an unbound admin every one.
 */
export function managesTenant(actor: { tenant: string | null }, tenant: string | null): boolean {
  return actor.tenant === null || tenant === actor.tenant;
}

/**
 * A tenant-bound admin may neither create `what` ("keys", "portals") for another tenant nor for
 * every tenant.
 */
export function assertTenantAssignable(
  actor: { tenant: string | null },
  tenant: string | null,
  what: string,
): void {
  if (actor.tenant !== null && tenant !== actor.tenant) {
    throw new DomainError(
      'forbidden',
      `You can only create ${what} for your tenant “${actor.tenant}”.`,
    );
  }
}
