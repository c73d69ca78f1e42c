import { z } from 'zod';

import { EMBED_ROLES } from './embed';

/**
 * Embedding portals as admins see them (the Embedding page, GET /api/v1/embed-portals): products
 * that show Moderato's room views in an iframe and sign short-lived embed tokens (HS256 JWTs) for
 * them with the portal's secret. The secret is never part of this: it is answered once, at creation.
 */

const ms = z.number().int().describe('Epoch milliseconds');

export const embedPortalSchema = z
  .object({
    /** The `kid` header of every embed token the portal signs. */
    id: z.string().describe('The `kid` (key id) header of the embed tokens the portal signs'),
    /** Unique among portals that are not revoked. */
    name: z.string(),
    /** Exact origins (`https://portal.example.com`) whose pages may frame the embedded views. */
    allowedOrigins: z.array(z.string()),
    /** Tenant `auth_id` whose rooms the portal's tokens may show; null = every tenant. */
    tenant: z.string().nullable(),
    /** The most a token of this portal may grant. */
    maxRole: z.enum(EMBED_ROLES),
    /** Who created it: a dashboard username. */
    createdBy: z.string(),
    createdAtMs: ms,
    /** When a token of the portal was last accepted; updated at most once a minute per instance. */
    lastUsedAtMs: ms.nullable(),
    revokedAtMs: ms.nullable(),
  })
  .meta({ id: 'EmbedPortal' });
export type EmbedPortalDto = z.infer<typeof embedPortalSchema>;

export const embedPortalListSchema = z
  .object({ portals: z.array(embedPortalSchema) })
  .meta({ id: 'EmbedPortalList' });
export type EmbedPortalListDto = z.infer<typeof embedPortalListSchema>;

/** The answer of createEmbedPortal: the only time the secret itself is shown. */
export const createdEmbedPortalSchema = z
  .object({
    portal: embedPortalSchema,
    secret: z
      .string()
      .describe(
        "The portal's signing secret, shown once: its backend signs embed tokens (HS256, `kid` = the portal id) with it.",
      ),
  })
  .meta({ id: 'CreatedEmbedPortal' });
export type CreatedEmbedPortalDto = z.infer<typeof createdEmbedPortalSchema>;
