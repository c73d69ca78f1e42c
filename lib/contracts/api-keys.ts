import { z } from 'zod';

import { ROLES } from './permissions';

/**
 * REST API keys as admins see them (the /api-keys page, GET /api/v1/api-keys). The key itself is
 * never part of this: the store keeps only its SHA-256, and the key is answered once, at creation.
 */

const ms = z.number().int().describe('Epoch milliseconds');

export const apiKeySchema = z
  .object({
    id: z.string(),
    /** Unique among keys that are not revoked; the audit log's actor for the key's calls. */
    name: z.string(),
    /** The first characters of the key, enough to recognise it; never enough to use it. */
    prefix: z.string(),
    role: z.enum(ROLES),
    /** Tenant `auth_id` the key acts for; null = every tenant (the portal contract's unauthenticated mode). */
    tenant: z.string().nullable(),
    /** The only rooms the key may act on; null = every room of its tenant. */
    rooms: z.array(z.string()).nullable(),
    /** Who created it: a dashboard username, or `cli:<os user>`. */
    createdBy: z.string(),
    createdAtMs: ms,
    /** Updated at most once a minute per server instance. */
    lastUsedAtMs: ms.nullable(),
    revokedAtMs: ms.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyDto = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z
  .object({ apiKeys: z.array(apiKeySchema) })
  .meta({ id: 'ApiKeyList' });
export type ApiKeyListDto = z.infer<typeof apiKeyListSchema>;

/** The answer of createApiKey: the only time the key itself is shown. */
export const createdApiKeySchema = z
  .object({
    apiKey: apiKeySchema,
    key: z
      .string()
      .describe(
        'The key, shown once: send it as `Authorization: Bearer <key>`. Only its hash is kept.',
      ),
  })
  .meta({ id: 'CreatedApiKey' });
export type CreatedApiKeyDto = z.infer<typeof createdApiKeySchema>;
