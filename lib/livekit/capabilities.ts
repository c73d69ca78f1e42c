import 'server-only';

import { env } from '@/lib/env';

import { livekitConfig, roomService } from './client';

export type Capability = 'moveParticipant';
export type CapabilityState = 'supported' | 'unsupported' | 'unknown';

/**
 * What the configured LiveKit server supports, keyed by URL so pointing Moderato at another server
 * starts fresh. Move/Forward exist only on LiveKit Cloud (docs/livekit-behaviour.md §3.12, §11):
 * learnt from the server's answer to a move, or before any move from the probe below.
 */
// On globalThis: the server bundles each route separately, so a module-level Map learnt by a page's
// server action would be a different Map from the one the status route reads.
const holder = globalThis as typeof globalThis & {
  __moderatoCapabilities?: Map<string, boolean>;
  __moderatoCloudProbes?: Map<string, { atMs: number; done: Promise<void> }>;
};
const learnt = (holder.__moderatoCapabilities ??= new Map<string, boolean>());
const probes = (holder.__moderatoCloudProbes ??= new Map());

/** An inconclusive probe (LiveKit down, a proxy in the way) is asked again at most this often. */
const PROBE_RETRY_MS = 5_000;

export function rememberCapability(capability: Capability, supported: boolean): void {
  learnt.set(`${env().LIVEKIT_URL}|${capability}`, supported);
}

export function capabilityState(capability: Capability): CapabilityState {
  const url = env().LIVEKIT_URL;
  const known = learnt.get(`${url}|${capability}`);
  if (known !== undefined) return known ? 'supported' : 'unsupported';
  try {
    // The server SDK's own test for LiveKit Cloud (its region failover applies only there).
    if (new URL(url).hostname.endsWith('.livekit.cloud')) return 'supported';
  } catch {
    // An invalid URL is reported by the status check.
  }
  return 'unknown';
}

/**
 * Asks the server once whether it is LiveKit Cloud, so Move/Forward can be explained before anyone
 * tries them. A move itself cannot be the question: on Cloud it would move someone, and on a
 * self-hosted server it says "not implemented" only for a connected participant (§3.12). Region
 * discovery can: Cloud serves `GET /settings/regions` (the SDK reads it for failover, §1.4), while
 * the open-source server answers any path it does not know with a plain 404 (§1.1). A definite
 * answer is kept for the life of the process; anything else is asked again later.
 */
export function probeCloudCapabilities(): Promise<void> {
  const url = env().LIVEKIT_URL;
  if (capabilityState('moveParticipant') !== 'unknown') return Promise.resolve();
  const last = probes.get(url);
  if (last && Date.now() - last.atMs < PROBE_RETRY_MS) return last.done;
  const done = askRegionDiscovery().then((cloud) => {
    // A move's own answer, learnt meanwhile, is better evidence than the probe.
    if (cloud !== undefined && learnt.get(`${url}|moveParticipant`) === undefined) {
      rememberCapability('moveParticipant', cloud);
    }
  });
  probes.set(url, { atMs: Date.now(), done });
  return done;
}

/** true: LiveKit Cloud; false: a server without Cloud's API; undefined: no clear answer. */
async function askRegionDiscovery(): Promise<boolean | undefined> {
  try {
    const config = livekitConfig();
    const base = new URL(config.url);
    if (base.protocol === 'ws:' || base.protocol === 'wss:') {
      base.protocol = base.protocol === 'ws:' ? 'http:' : 'https:';
    }
    const response = await fetch(new URL('/settings/regions', base.origin), {
      headers: await roomService().authHeader({ roomList: true }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    await response.body?.cancel();
    if (response.ok) return true;
    if (response.status === 404) return false;
    return undefined;
  } catch {
    return undefined;
  }
}
