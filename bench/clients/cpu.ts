import { cpuMs } from '../support/processes';

/** The share of one core `pid` used over `ms` milliseconds, in percent. */
export async function cpuPercent(pid: number, ms: number): Promise<number> {
  const startMs = cpuMs(pid);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return ((cpuMs(pid) - startMs) / (performance.now() - started)) * 100;
}
