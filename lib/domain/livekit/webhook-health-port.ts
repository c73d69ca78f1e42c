import 'server-only';

import type { WebhookHealthDto } from '@/lib/contracts/dto';

/** What the live layer knows about webhook deliveries; the operation adds the setup details. */
export type WebhookHealthReport = Omit<WebhookHealthDto, 'receiverPath' | 'receiverUrl' | 'apiKey'>;

export interface WebhookHealthSource {
  read(nowMs: number): Promise<WebhookHealthReport>;
}

/**
 * The domain may not import lib/live (the doors call the domain, live updates sit beside it), so
 * the health reading comes through this port: lib/live/start.ts registers its source once per
 * process. It is kept on globalThis because Next bundles instrumentation (which registers) and the
 * route handlers and pages (which read) separately, each with its own copy of this module.
 */
const KEY = Symbol.for('moderato.domain.webhookHealthSource');
type Holder = Record<symbol, WebhookHealthSource | undefined>;

export function setWebhookHealthSource(source: WebhookHealthSource): void {
  (globalThis as Holder)[KEY] = source;
}

export function webhookHealthSource(): WebhookHealthSource | undefined {
  return (globalThis as Holder)[KEY];
}
