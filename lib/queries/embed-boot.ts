import { EMBED_BOOT_GLOBAL, type EmbedSessionDto } from '@/lib/contracts/embed';

import { readJson } from './read-json';

/**
 * What an embedded page's boot script (lib/embed/embed-boot-script.ts) leaves on `window` before
 * React has loaded: the host it answers to, the session exchanges it started for the tokens the
 * host sent, and the page's first reads, started as soon as the first session existed.
 */
interface EmbedBoot {
  origin: string;
  exchanges: Promise<Response>[];
  onExchange: ((exchange: Promise<Response>) => void) | null;
  reads: Record<string, { atMs: number; response: Promise<Response> } | undefined>;
}

/**
 * An early read is used only this fresh: the query client's own `staleTime`
 * (lib/queries/query-client.ts). A later request for the same path (after a navigation inside
 * the iframe) goes to the server.
 */
const EARLY_READ_FRESH_MS = 5_000;

function embedBoot(): EmbedBoot | null {
  if (typeof window === 'undefined') return null;
  return (window as unknown as Record<string, EmbedBoot | undefined>)[EMBED_BOOT_GLOBAL] ?? null;
}

/**
 * The origin of the page that frames this one, which the boot script found among the portal's
 * allowed origins; null when the page is not framed, or framed by anyone else.
 */
export function embedHostOrigin(): string | null {
  return embedBoot()?.origin ?? null;
}

let latest: Promise<EmbedSessionDto> | null = null;

/**
 * Calls `handler` with each session exchange the boot script starts (one per token the host
 * sends), and at once with the latest one when nothing newer waits: a remounted frame (React's
 * development double mount) still gets the session a token already bought, since a token works
 * only once. Each answer is read once and shared.
 */
export function onEmbedSession(handler: (session: Promise<EmbedSessionDto>) => void): () => void {
  const boot = embedBoot();
  if (!boot) return () => {};
  const deliver = (exchange: Promise<Response>) => {
    latest = readJson<EmbedSessionDto>(exchange);
    handler(latest);
  };
  const waiting = boot.exchanges.splice(0);
  if (waiting.length === 0 && latest) handler(latest);
  waiting.forEach(deliver);
  boot.onExchange = deliver;
  return () => {
    if (boot.onExchange === deliver) boot.onExchange = null;
  };
}

/** The boot script's read of `path`, once, if it is fresh enough; null otherwise. */
export function takeEarlyRead(path: string): Promise<Response> | null {
  const reads = embedBoot()?.reads;
  const read = reads?.[path];
  if (!reads || !read) return null;
  delete reads[path];
  return Date.now() - read.atMs <= EARLY_READ_FRESH_MS ? read.response : null;
}
