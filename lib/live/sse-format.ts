import 'server-only';

import type { LiveEvent } from '@/lib/contracts/live-events';

/**
 * Server-Sent Events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html).
 * JSON never contains a raw newline, so every `data:` is one line; ids are `<instance>-<seq>`
 * (no newline, no NUL), as the spec requires of `id:`.
 */
const encoder = new TextEncoder();

/** Frames are cached per event object: a thousand streams send the same bytes, encoded once. */
const frames = new WeakMap<LiveEvent, Uint8Array>();

/** An event as a default (`message`) SSE event with its id, so the browser resumes from it. */
export function eventFrame(event: LiveEvent): Uint8Array {
  let frame = frames.get(event);
  if (!frame) {
    frame = encoder.encode(`id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`);
    frames.set(event, frame);
  }
  return frame;
}

/** A named control message (`hello`, `reset`), with an optional reconnection hint first. */
export function controlFrame(name: string, data: unknown, retryMs?: number): Uint8Array {
  const retry = retryMs === undefined ? '' : `retry: ${Math.round(retryMs)}\n`;
  return encoder.encode(`${retry}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** A comment line: ignored by EventSource, keeps proxies and load balancers from idling out. */
export const HEARTBEAT_FRAME = encoder.encode(': heartbeat\n\n');
