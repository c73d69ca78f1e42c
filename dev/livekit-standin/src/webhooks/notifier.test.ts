import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Room } from '@livekit/protocol';
import { WebhookReceiver } from 'livekit-server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { roomEvent } from './events';
import { WebhookNotifier } from './notifier';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function receiver(statuses: number[]): Promise<{ url: string; got: string[] }> {
  const got: string[] = [];
  const check = new WebhookReceiver('devkey', 'secret');
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      void check.receive(body, req.headers.authorization).then((event) => {
        got.push(event.event);
        res.statusCode = statuses.shift() ?? 200;
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, got };
}

const notifier = (url: string): WebhookNotifier => {
  const n = new WebhookNotifier({
    urls: [url],
    apiKey: 'devkey',
    secret: 'secret',
    retryBaseMs: 5,
    log: () => undefined,
  });
  cleanups.push(() => n.close());
  return n;
};

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('WebhookNotifier', () => {
  it('retries a 500 and keeps the order of one room', async () => {
    const hook = await receiver([500, 500]);
    const n = notifier(hook.url);
    n.emit(roomEvent('room_started', new Room({ name: 'r' })));
    n.emit(roomEvent('room_finished', new Room({ name: 'r' })));
    await settle(300);
    expect(hook.got).toEqual(['room_started', 'room_started', 'room_started', 'room_finished']);
  });

  it('does not retry a 400', async () => {
    const hook = await receiver([400]);
    notifier(hook.url).emit(roomEvent('room_started', new Room({ name: 'r' })));
    await settle(150);
    expect(hook.got).toEqual(['room_started']);
  });
});
