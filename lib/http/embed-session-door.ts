import 'server-only';

import { z } from 'zod';

import type { EmbedSessionDto } from '@/lib/contracts/embed';
import { touchEmbedPortal } from '@/lib/db/embed-portals';
import { embedActor } from '@/lib/callers/embed-caller';
import { DomainError } from '@/lib/domain/errors';
import { signEmbedSession } from '@/lib/embed/embed-session';
import { verifyEmbedToken } from '@/lib/embed/embed-token';

import { jsonBody } from './read-request';
import { errorResponse } from './respond';

const exchangeSchema = z.object({ token: z.string().min(1).max(8192) });

/**
 * POST /api/embed/session `{ token }`: exchanges a portal-signed embed token (single use) for an
 * embed session the iframe keeps in memory until the token's own expiry
 * (docs/embedding.md, "How a session works").
 */
export async function exchangeEmbedToken(request: Request): Promise<Response> {
  try {
    const parsed = exchangeSchema.safeParse(await jsonBody(request));
    if (!parsed.success) {
      throw new DomainError('invalid_input', 'Send the embed token as { "token": "<jwt>" }.');
    }
    const grant = await verifyEmbedToken(parsed.data.token);
    const actor = embedActor(grant);
    touchEmbedPortal(grant.portalId, Date.now()).catch((err: unknown) =>
      console.warn(
        `[moderato] could not record the use of portal ${grant.portalId}: ${String(err)}`,
      ),
    );
    const body: EmbedSessionDto = {
      sessionToken: await signEmbedSession(grant),
      expiresAtMs: grant.expiresAtMs,
      actor: {
        name: actor.name,
        role: grant.role,
        tenant: actor.tenant,
        rooms: grant.rooms,
        permissions: [...actor.permissions],
      },
    };
    return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return errorResponse(err);
  }
}
