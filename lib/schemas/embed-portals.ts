import { z } from 'zod';

import { EMBED_ROLES } from '@/lib/contracts/embed';

import { tenantSchema } from './users';

/** Shown in the Embedding page and the audit log; any characters a person types on one line. */
export const embedPortalNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\p{Cc}]*$/u, 'Name cannot contain line breaks, tabs or other control characters');

/** A portal is a handful of sites (production, staging, a developer's machine), not a directory. */
export const EMBED_PORTAL_MAX_ORIGINS = 10;
/** Longer than any origin can be: a 253-character host with scheme and port. */
const ORIGIN_MAX_LENGTH = 300;
/** Loopback hosts, the only ones allowed over plain http (a developer's own machine). */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What is wrong with `value` as an allowed origin, or null when it is one. It must be exactly what a
 * browser sends as `Origin` (and what CSP `frame-ancestors` matches): `scheme://host[:port]`, as
 * `new URL(value).origin` spells it — so no path, query, trailing slash, credentials, default port
 * or capitals, and no wildcard (a portal names each site that frames it). https only, except for
 * loopback hosts.
 */
export function originProblem(value: string): string | null {
  if (value.includes('*')) return 'cannot contain wildcards: list each origin';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an origin: write scheme://host[:port], e.g. https://portal.example.com';
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopback) {
    return 'must use https (http only for localhost, 127.0.0.1 or [::1])';
  }
  if (url.origin !== value) {
    return `must be exactly an origin, with no path, query or trailing slash: ${url.origin}`;
  }
  return null;
}

export const embedPortalOriginSchema = z
  .string()
  .trim()
  .min(1)
  .max(ORIGIN_MAX_LENGTH)
  .superRefine((value, ctx) => {
    const problem = originProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `“${value}” ${problem}` });
  });

export const embedPortalOriginsSchema = z
  .array(embedPortalOriginSchema)
  .min(1, 'Allowed origins must have at least one origin')
  .max(EMBED_PORTAL_MAX_ORIGINS)
  .transform((origins) => [...new Set(origins)]);

export const portalMaxRoleSchema = z.enum(EMBED_ROLES);

export const createEmbedPortalInputSchema = z.strictObject({
  name: embedPortalNameSchema,
  allowedOrigins: embedPortalOriginsSchema,
  /** The tenant's `auth_id`; empty or null = every tenant. Omitted by a tenant-bound admin: its own. */
  tenant: tenantSchema.optional(),
  /** The most its tokens may grant; never admin (lib/contracts/embed-portals.ts says why). */
  maxRole: portalMaxRoleSchema.default('moderator'),
});
export type CreateEmbedPortalInput = z.input<typeof createEmbedPortalInputSchema>;

export const listEmbedPortalsInputSchema = z.strictObject({});
export type ListEmbedPortalsInput = z.input<typeof listEmbedPortalsInputSchema>;

/** Store ids are UUIDs; anything else simply is not found. */
export const revokeEmbedPortalInputSchema = z.strictObject({
  portalId: z.string().trim().min(1).max(128),
});
export type RevokeEmbedPortalInput = z.input<typeof revokeEmbedPortalInputSchema>;

/**
 * The page's form: origins as text, one per line (surrounding spaces and empty lines ignored).
 * Each line is checked here, so a wrong origin is named under the field before anything is sent;
 * the operation checks them again.
 */
export const createEmbedPortalFormSchema = z
  .object({
    name: embedPortalNameSchema,
    allowedOrigins: z
      .string()
      .max(EMBED_PORTAL_MAX_ORIGINS * (ORIGIN_MAX_LENGTH + 1))
      .superRefine((text, ctx) => {
        const origins = originLines(text);
        if (origins.length === 0) {
          ctx.addIssue({ code: 'custom', message: 'Add at least one origin' });
        } else if (origins.length > EMBED_PORTAL_MAX_ORIGINS) {
          ctx.addIssue({
            code: 'custom',
            message: `At most ${EMBED_PORTAL_MAX_ORIGINS} origins`,
          });
        }
        for (const origin of origins) {
          const problem = originProblem(origin);
          if (problem) ctx.addIssue({ code: 'custom', message: `“${origin}” ${problem}` });
        }
      }),
    tenant: z.string().trim().max(128),
    maxRole: portalMaxRoleSchema,
  })
  .transform(({ name, allowedOrigins, tenant, maxRole }): CreateEmbedPortalInput => ({
    name,
    allowedOrigins: originLines(allowedOrigins),
    tenant: tenant || null,
    maxRole,
  }));

function originLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
