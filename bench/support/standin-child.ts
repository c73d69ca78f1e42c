/**
 * The LiveKit stand-in in a child process of its own, for benchmarks that compare going through
 * the dashboard with calling the stand-in directly: the direct SDK client and the server must not
 * share an event loop, as the dashboard and LiveKit do not. Run as a script, this file is the
 * child; `spawnStandin()` starts it. The child counts the requests it serves by path through
 * Node's `http.server.request.start` diagnostics channel (no proxy hop, nothing added to either
 * path), so a benchmark can say how many LiveKit calls one of its requests made.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

import { startStandin } from '@moderato/livekit-standin';

type ChildMessage = { type: 'ready'; url: string } | { type: 'counts'; counts: Counts };
export type Counts = Record<string, number>;

/** Child mode: the stand-in, counting every request it receives by path, answering over IPC. */
async function standinChild(): Promise<void> {
  const counts: Counts = {};
  subscribe('http.server.request.start', (message) => {
    const { request: req } = message as { request: IncomingMessage };
    const key = `${req.method} ${(req.url ?? '').split('?')[0]}`;
    counts[key] = (counts[key] ?? 0) + 1;
  });
  const standin = await startStandin({ port: 0 });
  const send = (message: ChildMessage) => process.send!(message);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'counts') send({ type: 'counts', counts: { ...counts } });
  });
  // The parent went away (or asked us to stop): close and exit.
  process.on('disconnect', () => void standin.close().then(() => process.exit(0)));
  send({ type: 'ready', url: standin.url });
}

export interface StandinChild {
  url: string;
  pid: number;
  counts(): Promise<Counts>;
  stop(): Promise<void>;
}

export async function spawnStandin(): Promise<StandinChild> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', __filename], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type !== 'ready') return;
      child.off('message', onMessage);
      resolve(message.url);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`stand-in exited early (${code})`)));
  });
  return {
    url,
    pid: child.pid!,
    counts: () =>
      new Promise((resolve) => {
        const onMessage = (message: ChildMessage) => {
          if (message.type !== 'counts') return;
          child.off('message', onMessage);
          resolve(message.counts);
        };
        child.on('message', onMessage);
        child.send({ type: 'counts' });
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.disconnect();
      }),
  };
}

/** Requests between two snapshots, by path, plus the Twirp total. */
export function diffCounts(
  before: Counts,
  after: Counts,
): { byPath: Counts; twirp: number; other: number } {
  const byPath: Counts = {};
  let twirp = 0;
  let other = 0;
  for (const [key, value] of Object.entries(after)) {
    const n = value - (before[key] ?? 0);
    if (n <= 0) continue;
    byPath[key] = n;
    if (key.includes(' /twirp/')) twirp += n;
    else other += n;
  }
  return { byPath, twirp, other };
}

// Started as a script (by spawnStandin, with an IPC channel): be the child.
if (process.send && require.main === module) {
  standinChild().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
