import {
  EMBED_PROTOCOL,
  EMBED_PROTOCOL_VERSION,
  FRAME_MESSAGES,
  HOST_MESSAGES,
} from '@/lib/contracts/embed';

type FrameMessageType = (typeof FRAME_MESSAGES)[keyof typeof FRAME_MESSAGES];

/**
 * The page that frames this one, if its origin is one the portal allows: the only origin this
 * frame talks to. `ancestorOrigins` is exact where the browser has it (Chromium, Safari); the
 * referrer's origin is the fallback (Firefox), which the default referrer policy still sends
 * across origins. Null when the page is not framed, or framed by anyone else.
 */
export function hostOrigin(allowedOrigins: readonly string[]): string | null {
  if (typeof window === 'undefined' || window.parent === window) return null;
  let origin: string | null = window.location.ancestorOrigins?.[0] ?? null;
  if (!origin && document.referrer) {
    try {
      origin = new URL(document.referrer).origin;
    } catch {
      origin = null;
    }
  }
  return origin && allowedOrigins.includes(origin) ? origin : null;
}

/** Posts one protocol message to the host, to its origin only (never `*`). */
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
 * The embed token in a host message, or null when the message is not one: it must come from the
 * parent window, from the host's exact origin, in this protocol and version.
 */
export function tokenFromHost(event: MessageEvent, origin: string): string | null {
  if (event.source !== window.parent || event.origin !== origin) return null;
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.protocol !== EMBED_PROTOCOL || message.version !== EMBED_PROTOCOL_VERSION)
    return null;
  if (message.type !== HOST_MESSAGES.token || typeof message.token !== 'string') return null;
  return message.token;
}
