import 'server-only';

import type { IncomingMessage, ServerResponse } from 'node:http';

import { z } from 'zod';

import {
  type BareListener,
  optionalPortSchema,
  sendJson,
  sendNotServed,
  startBareListener,
} from './bare-listener';
import { nodeRequestOf } from './node-web-bridge';
import { answerPortalCall } from './portal-door';
import { PORTAL_ENDPOINTS } from './portal-endpoints';
import { jsonBodyOf, MAX_BODY_BYTES } from './read-request';

const portalListenerEnvSchema = z.object({
  /** A port of its own for the portal endpoints (docs/rest-api.md); unset: the routes only. */
  MODERATO_API_PORT: optionalPortSchema,
  MODERATO_API_HOST: z.string().trim().min(1).default('0.0.0.0'),
});

/**
 * The portal endpoints (`POST /livekit/participant/mute`, `DELETE /livekit/participant`) on a
 * port of their own, for portals' backends that call them at high rates: the same door
 * (lib/http/portal-door.ts: API key or AUTH_REQUIRED=false, validation, the operation, audit,
 * the contract's statuses), without Next.js's per-request pipeline (lib/http/bare-listener.ts).
 * Keys only, as on the routes: no cookie is ever read here, and nothing else is served.
 */
export function startPortalListener(address: { port: number; host: string }) {
  return startBareListener(handle, address);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  const endpoint = PORTAL_ENDPOINTS.find((e) => e.path === path && e.method === req.method);
  if (!endpoint) {
    const allowed = PORTAL_ENDPOINTS.filter((e) => e.path === path).map((e) => e.method);
    return sendNotServed(res, allowed);
  }
  const { request, body, truncated } = await nodeRequestOf(req, MAX_BODY_BYTES);
  // The door's handler is typed per endpoint; both endpoints share its shape.
  const answer = await answerPortalCall(endpoint as (typeof PORTAL_ENDPOINTS)[0], request, () =>
    jsonBodyOf(body, request.headers.get('content-type'), truncated),
  );
  sendJson(res, answer.status, answer.json, {
    ...answer.headers,
    ...(truncated ? { connection: 'close' } : {}),
  });
}

/**
 * Called once at server start (instrumentation.ts): listens when MODERATO_API_PORT is set. A port
 * that cannot be had is logged, not fatal: the routes still serve the same endpoints.
 */
export async function startConfiguredPortalListener(): Promise<BareListener | null> {
  const parsed = portalListenerEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid MODERATO_API_PORT / MODERATO_API_HOST: ${parsed.error.message}`);
  }
  const { MODERATO_API_PORT: port, MODERATO_API_HOST: host } = parsed.data;
  if (port === undefined) return null;
  try {
    const listener = await startPortalListener({ port, host });
    console.info(`[moderato] portal endpoints: also listening on ${host}:${listener.port}`);
    return listener;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    console.error(`[moderato] portal endpoints: cannot listen on ${host}:${port}: ${code}`);
    return null;
  }
}
