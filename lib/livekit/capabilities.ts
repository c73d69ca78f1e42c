import 'server-only';

import { env } from '@/lib/env';

export type Capability = 'moveParticipant';
export type CapabilityState = 'supported' | 'unsupported' | 'unknown';

/**
 * What the configured LiveKit server turned out to support, learnt from its answers and keyed by
 * URL so pointing Moderato at another server starts fresh. LiveKit Cloud hosts are known to support
 * Move/Forward; self-hosted servers answer "not implemented" (docs/livekit-behaviour.md §3.12).
 */
// On globalThis: the server bundles each route separately, so a module-level Map learnt by a page's
// server action would be a different Map from the one the status route reads.
const holder = globalThis as typeof globalThis & { __moderatoCapabilities?: Map<string, boolean> };
const learnt = (holder.__moderatoCapabilities ??= new Map<string, boolean>());

export function rememberCapability(capability: Capability, supported: boolean): void {
  learnt.set(`${env().LIVEKIT_URL}|${capability}`, supported);
}

export function capabilityState(capability: Capability): CapabilityState {
  const url = env().LIVEKIT_URL;
  const known = learnt.get(`${url}|${capability}`);
  if (known !== undefined) return known ? 'supported' : 'unsupported';
  try {
    if (new URL(url).hostname.endsWith('.livekit.cloud')) return 'supported';
  } catch {
    // An invalid URL is reported by the status check.
  }
  return 'unknown';
}
