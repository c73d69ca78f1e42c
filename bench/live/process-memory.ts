/**
 * The dashboard's resident memory, read where the kernel keeps it (/proc/<pid>/status VmRSS) for
 * the `next-server` process under the `npx next start` the benchmark spawned.
 */
import { readFileSync } from 'node:fs';

import { commandOf, descendantsOf } from '../support/processes';
import { log } from './stats';

/** The `next-server` process among the descendants of `rootPid` (Next sets that process title). */
export function nextServerPid(rootPid: number): number {
  const descendants = descendantsOf(rootPid);
  const server = descendants.find((pid) => commandOf(pid).startsWith('next-server'));
  if (server === undefined) {
    throw new Error(
      `no next-server under ${rootPid}: ${descendants.map((p) => `${p} ${commandOf(p)}`).join('; ')}`,
    );
  }
  return server;
}

/** VmRSS of `pid` in MB (MiB). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) / 1024;
}

/** Samples RSS every `everyMs` into `peak` until stopped; for the high-water mark during a load. */
export function samplePeak(pid: number, everyMs = 200) {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

/**
 * RSS once it has settled: sampled every 500 ms until the last `windowMs` of samples lie within
 * `toleranceMb` of each other (V8 returns freed pages in steps, after idle-time GCs), or `maxMs`
 * passed. Returns the last sample and how long settling took.
 */
export async function settledRssMb(
  pid: number,
  label: string,
  { windowMs = 8000, toleranceMb = 1.5, maxMs = 60_000 } = {},
): Promise<{ rss: number; waitedMs: number }> {
  const started = Date.now();
  const samples: { at: number; rss: number }[] = [];
  for (;;) {
    const at = Date.now();
    samples.push({ at, rss: rssMb(pid) });
    while (samples.length > 0 && samples[0]!.at < at - windowMs) samples.shift();
    const span = at - samples[0]!.at;
    const values = samples.map((s) => s.rss);
    const stable =
      span >= windowMs - 600 && Math.max(...values) - Math.min(...values) <= toleranceMb;
    if (stable || at - started >= maxMs) {
      if (!stable) log(`${label}: RSS still moving after ${maxMs} ms`);
      return { rss: samples.at(-1)!.rss, waitedMs: at - started };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
