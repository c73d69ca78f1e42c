import type { Permission, Role } from './permissions';

/**
 * The embedding contract, written once and read by the server (token checks, /embed.js), the
 * iframe (its boot script, lib/embed/embed-boot-script.ts, and components/embed/embed-frame.tsx)
 * and the host script Moderato serves at /embed.js (docs/embedding.md). Universal: no server-only
 * imports.
 */

/** Every postMessage of the protocol carries these two fields; anything else is ignored. */
export const EMBED_PROTOCOL = 'moderato-embed';
/** Bumped on any incompatible change; each side ignores messages of another version. */
export const EMBED_PROTOCOL_VERSION = 1;

/** Messages the iframe sends to the host page. */
export const FRAME_MESSAGES = {
  /** The iframe is loaded and needs an embed token (the first one). */
  ready: 'ready',
  /** The iframe's content height changed: `{ height }` in CSS pixels. */
  height: 'height',
  /** The embed session ends soon: the host answers with a fresh embed token. */
  tokenExpiring: 'token.expiring',
  /** A token was refused (expired, tampered, replayed, revoked portal): `{ code, message }`. */
  authFailed: 'auth.failed',
  /** A moderation action went through: `{ operation, target }`. */
  actionSucceeded: 'action.succeeded',
  /** A moderation action failed: `{ operation, target, error: { code, message } }`. */
  actionFailed: 'action.failed',
} as const;

/**
 * The iframe's height before its first `height` message (CSS pixels), and the least part of it a
 * dialog is placed in (the host's `viewport`).
 */
export const EMBED_DEFAULT_HEIGHT = 240;

/** Messages the host page sends to the iframe. */
export const HOST_MESSAGES = {
  /** An embed token minted by the portal's backend: `{ token }`. */
  token: 'token',
  /**
   * The part of the iframe on the host's screen, in the frame's CSS pixels: `{ top, height }`.
   * The host sizes the frame to its content, so the frame's own viewport is all of it; dialogs
   * are placed in this part instead. Sent at `ready` and whenever the host scrolls or resizes.
   */
  viewport: 'viewport',
} as const;

/**
 * The longest an embed token may live (seconds between `iat` and `exp`, and from now to `exp`):
 * a leaked token is worth little, and a single-use `jti` only has to be remembered this long.
 */
export const EMBED_TOKEN_MAX_TTL_S = 600;
/** Clock skew tolerated between the portal's backend and Moderato. */
export const EMBED_CLOCK_TOLERANCE_S = 30;
/** How long before the session expires the iframe asks the host for a fresh token. */
export const EMBED_REFRESH_BEFORE_MS = 60_000;

/**
 * The roles an embed token may carry, and so a portal's most (its `maxRole`). Never `admin`: a page inside another site's
 * iframe is where clickjacking and a compromised portal strike, and admin grants there would let
 * either one create users, keys or portals, or close every room — while an embedded room view
 * needs no more than moderating it.
 */
export const EMBED_ROLES = ['viewer', 'moderator'] as const satisfies readonly Role[];
export type EmbedRole = (typeof EMBED_ROLES)[number];

/** `rooms` claim value meaning every room of the token's tenant. */
export const ALL_ROOMS = '*';

/**
 * The window property where an embedded page's boot script (lib/embed/embed-boot-script.ts) leaves
 * the host's origin, the session exchanges it started and the page's early reads for the React
 * side (lib/queries/embed-boot.ts).
 */
export const EMBED_BOOT_GLOBAL = '__moderatoEmbedBoot';

/** The `Authorization` scheme of embed session tokens (`Bearer` is the API keys'). */
export const EMBED_AUTH_SCHEME = 'Embed';

/** What the iframe learns when it exchanges an embed token (POST /api/embed/session). */
export interface EmbedSessionDto {
  sessionToken: string;
  expiresAtMs: number;
  actor: {
    name: string;
    role: EmbedRole;
    tenant: string | null;
    rooms: string[] | null;
    permissions: Permission[];
  };
}

/** Where an action happened, as told to the host. */
export interface EmbedActionTarget {
  roomName?: string;
  identity?: string;
  trackSid?: string;
}
