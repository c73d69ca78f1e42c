import {
  EMBED_DEFAULT_HEIGHT,
  EMBED_PROTOCOL,
  EMBED_PROTOCOL_VERSION,
  FRAME_MESSAGES,
  HOST_MESSAGES,
} from '@/lib/contracts/embed';

type FrameMessageType = (typeof FRAME_MESSAGES)[keyof typeof FRAME_MESSAGES];

/**
 * Posts one protocol message to the host, to its origin only (never `*`). What the host sends
 * back is received by the page's boot script (lib/embed/embed-boot-script.ts).
 */
export function postToHost(
  origin: string,
  type: FrameMessageType,
  fields: Record<string, unknown> = {},
): void {
  window.parent.postMessage(
    { ...fields, protocol: EMBED_PROTOCOL, version: EMBED_PROTOCOL_VERSION, type },
    origin,
  );
}

/**
 * The part of this frame on the host's screen, from a host `viewport` message (null for anything
 * else), kept inside the frame and at least EMBED_DEFAULT_HEIGHT tall so a dialog has room.
 */
export function hostViewport(
  event: Pick<MessageEvent, 'data' | 'origin' | 'source'>,
  hostOrigin: string,
  frameHeight: number,
): { top: number; height: number } | null {
  if (event.source !== window.parent || event.origin !== hostOrigin) return null;
  const data = event.data as Record<string, unknown> | null;
  if (
    !data ||
    typeof data !== 'object' ||
    data.protocol !== EMBED_PROTOCOL ||
    data.version !== EMBED_PROTOCOL_VERSION ||
    data.type !== HOST_MESSAGES.viewport
  ) {
    return null;
  }
  const { top, height } = data;
  if (typeof top !== 'number' || typeof height !== 'number') return null;
  if (!Number.isFinite(top) || !Number.isFinite(height)) return null;
  const shown = Math.min(frameHeight, Math.max(height, EMBED_DEFAULT_HEIGHT));
  return { top: Math.min(Math.max(0, top), Math.max(0, frameHeight - shown)), height: shown };
}
