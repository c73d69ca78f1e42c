import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { vi } from 'vitest';

import type { LiveEvent } from '@/lib/contracts/live-events';
import { createMemoryBus, type LiveBus } from '@/lib/live/bus';
import { KnownState } from '@/lib/live/known-state';
import { createWebhookDedup } from '@/lib/live/webhook-dedup';
import { createLocalWebhookHealth } from '@/lib/live/webhook-health';
import { createWebhookReceiver } from '@/lib/live/webhook-receiver';

import { startTestLiveKit, type TestLiveKit } from './standin';

/**
 * The stand-in with its real, signed webhooks reaching Moderato's real receiver, which publishes
 * on an in-memory bus: what live enforcement (bans, room locks) hears in production.
 */
export interface WebhookedLiveKit {
  lk: TestLiveKit;
  bus: LiveBus;
  /** Off: deliveries are answered 200 and publish nothing, as with no webhooks configured. */
  setWebhooks(on: boolean): void;
  /** Resolves once the webhooks of that many joins of the identity have been published. */
  joinPublished(roomName: string, identity: string, times?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookedLiveKit(): Promise<WebhookedLiveKit> {
  const bus = createMemoryBus();
  const state = new KnownState();
  state.follow(bus);
  const receiver = createWebhookReceiver({
    bus,
    state,
    dedup: createWebhookDedup(),
    health: createLocalWebhookHealth(),
  });
  let on = true;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!on) return void res.writeHead(200).end();
      const body = Buffer.concat(chunks).toString('utf8');
      void receiver
        .receive(body, req.headers.authorization ?? null)
        .then((r) => res.writeHead(r.status).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const lk = await startTestLiveKit({ webhooks: [`http://127.0.0.1:${port}/`] });
  const joins: LiveEvent[] = [];
  bus.subscribe((event) => {
    if (event.type === 'participant.joined') joins.push(event);
  });

  return {
    lk,
    bus,
    setWebhooks: (next) => {
      on = next;
    },
    joinPublished: (roomName, identity, times = 1) =>
      vi.waitFor(
        () => {
          const seen = joins.filter(
            (e) =>
              e.type === 'participant.joined' &&
              e.roomName === roomName &&
              e.participant.identity === identity,
          ).length;
          if (seen < times) throw new Error(`${seen} of ${times} joins of ${identity} so far`);
        },
        { timeout: 10_000, interval: 10 },
      ),
    close: async () => {
      await lk.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
