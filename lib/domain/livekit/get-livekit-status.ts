import 'server-only';

import { env } from '@/lib/env';
import { capabilityState, probeCloudCapabilities } from '@/lib/livekit/capabilities';
import { livekitHost } from '@/lib/livekit/client';
import * as livekit from '@/lib/livekit/room-service';

import { z } from 'zod';

import { livekitStatusSchema, type LiveKitStatusDto } from '@/lib/contracts/dto';

import { actorCan, type Actor } from '../actor';
import { DomainError } from '../errors';
import { defineOperation } from '../operation';

const PROBE_ROOM = '__moderato_status_probe__';
const CACHE_MS = 1000;
let last: { config: string; status: LiveKitStatusDto } | undefined;

/**
 * Whether the dashboard can talk to LiveKit, phrased for the operator. One cheap ListRooms with a
 * name filter, shared for a second across every tab that polls it. LiveKit's address (`host`) is
 * deployment detail for admins only; everyone else gets null (messages never carry it).
 */
export const getLiveKitStatus = defineOperation({
  name: 'getLiveKitStatus',
  summary: 'Check the connection to LiveKit',
  description:
    'Whether the dashboard can reach LiveKit with its credentials, phrased for the operator, and what the server supports.',
  tag: 'LiveKit',
  input: z.strictObject({}),
  output: livekitStatusSchema,
  permission: 'rooms.read',
  http: { method: 'GET', path: '/livekit/status' },
  audit: { action: 'livekit.status_read', target: () => ({}) },
  errors: [],
  act: async ({ actor }) => forActor(await currentStatus(), actor),
});

function forActor(status: LiveKitStatusDto, actor: Actor): LiveKitStatusDto {
  // Those who administer the dashboard (users.manage: admins) are the ones who fix LIVEKIT_URL.
  return actorCan(actor, 'users.manage') ? status : { ...status, host: null };
}

async function currentStatus(): Promise<LiveKitStatusDto> {
  const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  const config = `${LIVEKIT_URL}|${LIVEKIT_API_KEY}|${LIVEKIT_API_SECRET}`;
  const now = Date.now();
  if (last?.config === config && now - last.status.checkedAtMs < CACHE_MS) return last.status;
  const { status, cause } = await probe(now);
  if (status.state !== 'ok' && status.state !== last?.status.state) {
    // One line per change, not per poll: the address and the cause stay in the log.
    const where = status.host ?? 'the configured URL';
    const detail = cause?.includes(where) ? cause : `${where}${cause ? `: ${cause}` : ''}`;
    console.warn(`[moderato] LiveKit status: ${status.state} (${detail})`);
  }
  last = { config, status };
  return status;
}

function capabilities(): LiveKitStatusDto['capabilities'] {
  return { moveParticipant: capabilityState('moveParticipant') };
}

async function probe(now: number): Promise<{ status: LiveKitStatusDto; cause?: string }> {
  // Asked alongside the connection check, once per server, so Move/Forward are explained before
  // the first try (lib/livekit/capabilities.ts).
  const [listed] = await Promise.allSettled([
    livekit.listRooms([PROBE_ROOM]),
    probeCloudCapabilities(),
  ]);
  const base = { host: livekitHost(), checkedAtMs: now, capabilities: capabilities() };
  if (listed.status === 'fulfilled') {
    return { status: { ...base, state: 'ok', message: 'Connected to LiveKit.' } };
  }
  const err: unknown = listed.reason;
  const error = err instanceof DomainError ? err : new DomainError('internal', 'Unknown error');
  const cause = error.cause instanceof Error ? describeCause(error.cause) : undefined;
  return { status: { ...base, state: stateOf(error), message: error.message }, cause };
}

/** The cause and its own cause (ECONNREFUSED…), as lib/http/respond.ts logs them. */
function describeCause(cause: Error): string {
  return cause.cause instanceof Error ? `${cause.message}: ${cause.cause.message}` : cause.message;
}

function stateOf(error: DomainError): LiveKitStatusDto['state'] {
  if (error.code === 'upstream_unavailable') return 'unreachable';
  if (error.code !== 'upstream_misconfigured') return 'error';
  // livekitConfig() refuses a missing/invalid configuration before any request is made.
  return error.message.startsWith('LiveKit is not configured') ? 'not_configured' : 'unauthorized';
}
