/**
 * A banned identity rejoining: from its join (the stand-in's control API call) to its removal in
 * the stand-in, `rejoins` times in a row. The removal time is the stand-in's own timestamp of the
 * leave request it sent the participant (its `received` log), so polling for it adds nothing to
 * the figure. Both processes run on this machine: one clock.
 *
 * Exported for `npm run bench:bulk` (issue 12's Performance figures), which can call it with a
 * dashboard and stand-in of its own; `npm run bench:bans` (bench/bans.ts) runs it alone.
 */
import { StandinControl } from '@moderato/livekit-standin/client';
import { RoomServiceClient } from 'livekit-server-sdk';

import { KEY, SECRET } from '../support/dashboard';

export interface BanRejoinOptions {
  dashboardUrl: string;
  standinUrl: string;
  /** A `Cookie` header of a session allowed to ban (bench/support/session-cookie.ts). */
  cookie: string;
  roomName: string;
  rejoins: number;
  /** How long one rejoin may take to be removed before it counts as missed. */
  timeoutMs?: number;
}

export interface BanRejoinResult {
  /** ms from each join call to its removal, in join order. */
  latencies: number[];
  /** Rejoins not removed within the timeout. */
  missed: number;
}

const POLL_MS = 2;

export async function measureBanRejoins(options: BanRejoinOptions): Promise<BanRejoinResult> {
  const { dashboardUrl, standinUrl, cookie, roomName, rejoins } = options;
  const timeoutMs = options.timeoutMs ?? 5000;
  const control = new StandinControl({ url: standinUrl, apiKey: KEY, apiSecret: SECRET });
  const rooms = new RoomServiceClient(standinUrl, KEY, SECRET);
  const identity = 'bench-banned';
  await rooms.createRoom({ name: roomName, emptyTimeout: 600 });
  await control.join({ room: roomName, identity: 'bench-bystander' });
  await control.join({ room: roomName, identity });

  const res = await fetch(
    `${dashboardUrl}/api/v1/rooms/${encodeURIComponent(roomName)}/participants/${encodeURIComponent(identity)}/ban`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: dashboardUrl },
      body: JSON.stringify({ reason: 'Benchmark', durationSeconds: null }),
    },
  );
  if (res.status !== 201) throw new Error(`ban answered ${res.status}: ${await res.text()}`);

  const leaves = async () =>
    (await control.received(roomName, identity)).filter((e) => e.type === 'leave');
  const latencies: number[] = [];
  let missed = 0;
  let expected = (await leaves()).length;
  for (let i = 0; i < rejoins; i += 1) {
    const joinedAt = Date.now();
    await control.join({ room: roomName, identity });
    expected += 1;
    const deadline = joinedAt + timeoutMs;
    let removedAt: number | undefined;
    while (Date.now() < deadline) {
      const all = await leaves();
      if (all.length >= expected) {
        removedAt = all[expected - 1]!.at;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    if (removedAt === undefined) {
      missed += 1;
      // Out of the way before the next rejoin, so each one is measured on its own.
      await control.leave(roomName, identity).catch(() => undefined);
      expected = (await leaves()).length;
    } else {
      latencies.push(removedAt - joinedAt);
    }
  }
  await rooms.deleteRoom(roomName).catch(() => undefined);
  return { latencies, missed };
}
