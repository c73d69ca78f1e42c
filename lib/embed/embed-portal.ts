import 'server-only';

import { z } from 'zod';

import { findEmbedPortalById, type StoredEmbedPortal } from '@/lib/db/embed-portals';

const portalIdSchema = z.uuid();

/** The portal an /embed/{portalId}/… URL names, if it exists and is not revoked. */
export async function findLiveEmbedPortal(portalId: string): Promise<StoredEmbedPortal | null> {
  if (!portalIdSchema.safeParse(portalId).success) return null;
  const portal = await findEmbedPortalById(portalId);
  return portal && portal.revokedAtMs === null ? portal : null;
}
