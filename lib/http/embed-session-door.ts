import 'server-only';

import { z } from 'zod';

import { authEnv } from '@/lib/auth/auth-env';
import { clientAddress } from '@/lib/auth/client-address';
import { DomainError } from '@/lib/domain/errors';
import { startEmbedSession } from '@/lib/embed/start-embed-session';

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
    const client = clientAddress(Object.fromEntries(request.headers), authEnv().trustedProxies);
    const body = await startEmbedSession(parsed.data.token, client);
    return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return errorResponse(err);
  }
}
