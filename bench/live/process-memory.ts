/**
 * The dashboard's resident memory, read where the kernel keeps it (/proc/<pid>/status VmRSS) for
 * the `next-server` process under the `npx next start` the benchmark spawned.
 */
import { readdirSync, readFileSync } from 'node:fs';

import { log } from './stats';

function parentOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid …": comm may contain spaces, so split after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
}

/** The `next-server` process among the descendants of `rootPid` (Next sets that process title). */
export function nextServerPid(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const descendants: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    descendants.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
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
