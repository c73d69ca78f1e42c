import 'server-only';

import { Redis } from 'ioredis';

import { liveEventSchema } from '@/lib/contracts/live-events';

import { LocalFanout, type LiveBus, newInstanceId } from './bus';

export const LIVE_CHANNEL = 'moderato:live:events';

interface Envelope {
  from: string;
  event: unknown;
}

/**
 * The bus shared by several instances through Redis pub/sub: whichever instance receives a webhook
 * or runs reconciliation, every instance's browsers get the event. Local listeners are served
 * synchronously; the copy that comes back from Redis is recognised by its sender and skipped.
 * Pub/sub keeps nothing: an instance cut off from Redis misses events, which its browsers heal by
 * resuming (an unknown Last-Event-ID answers `reset`) and reconciliation heals in its state.
 */
export function connectRedisBus(url: string, instanceId = newInstanceId()): LiveBus {
  const fanout = new LocalFanout(instanceId);
  const options = { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  let warned = false;
  const warn = (err: Error) => {
    if (warned) return;
    warned = true;
    console.warn(
      `[moderato] live: Redis unavailable, events stay on this instance: ${err.message}`,
    );
  };
  publisher.on('error', warn);
  subscriber.on('error', warn);
  subscriber.on('ready', () => {
    warned = false;
  });
  subscriber.on('message', (channel: string, text: string) => {
    if (channel !== LIVE_CHANNEL) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      return;
    }
    if (envelope.from === instanceId) return;
    // Another instance's code may be a different version: accept only what we understand.
    const parsed = liveEventSchema.safeParse(envelope.event);
    if (parsed.success) fanout.deliver(parsed.data);
  });
  subscriber.subscribe(LIVE_CHANNEL).catch(warn);

  return {
    instanceId,
    publish(event) {
      const stamped = fanout.stamp(event);
      fanout.deliver(stamped);
      const envelope: Envelope = { from: instanceId, event: stamped };
      publisher.publish(LIVE_CHANNEL, JSON.stringify(envelope)).catch(warn);
      return stamped;
    },
    subscribe: (listener) => fanout.subscribe(listener),
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
