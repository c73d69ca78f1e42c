/**
 * Room activity at a steady pace through the stand-in's control API: every tick one participant
 * joins and, once `resident` are in, the oldest one leaves — LiveKit then sends the dashboard a
 * `participant_joined` and a `participant_left` webhook, each a live event on every stream.
 */
import { StandinControl } from '@moderato/livekit-standin/client';
import { RoomServiceClient } from 'livekit-server-sdk';

import { KEY, SECRET } from '../support/dashboard';
import { log } from './stats';

export interface Churn {
  /** Stops the pace and waits for the calls in flight; answers how many calls were made. */
  stop(): Promise<{ calls: number; failed: number }>;
}

export async function prepareRooms(standinUrl: string, rooms: string[]): Promise<void> {
  const client = new RoomServiceClient(standinUrl, KEY, SECRET);
  for (const name of rooms) {
    await client.createRoom({ name, emptyTimeout: 3600, departureTimeout: 3600 });
  }
}

export function startChurn(
  standinUrl: string,
  rooms: string[],
  { ticksPerSecond = 10, resident = 20, prefix = 'churn' } = {},
): Churn {
  const control = new StandinControl({ url: standinUrl, apiKey: KEY, apiSecret: SECRET });
  const present: { room: string; identity: string }[] = [];
  const inFlight = new Set<Promise<void>>();
  let calls = 0;
  let failed = 0;
  let n = 0;
  const track = (promise: Promise<unknown>) => {
    calls += 1;
    const settled = promise.then(
      () => undefined,
      (err: unknown) => {
        failed += 1;
        if (failed <= 3) log(`churn call failed: ${(err as Error).message}`);
      },
    );
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };
  const timer = setInterval(() => {
    const room = rooms[n % rooms.length]!;
    const identity = `${prefix}-${n}`;
    n += 1;
    track(control.join({ room, identity }));
    present.push({ room, identity });
    if (present.length > resident) {
      const oldest = present.shift()!;
      track(control.leave(oldest.room, oldest.identity));
    }
  }, 1000 / ticksPerSecond);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return { calls, failed };
    },
  };
}
