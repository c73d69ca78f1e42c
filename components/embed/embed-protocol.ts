import { EMBED_PROTOCOL, EMBED_PROTOCOL_VERSION, FRAME_MESSAGES } from '@/lib/contracts/embed';

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
