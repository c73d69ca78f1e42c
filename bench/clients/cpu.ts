import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime/stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  // Fields after the command (which may contain spaces) start after the last ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command.
  return Number(fields[11]) + Number(fields[12]);
}

/** The share of one core `pid` used over `ms` milliseconds, in percent. */
export async function cpuPercent(pid: number, ms: number): Promise<number> {
  const startTicks = cpuTicks(pid);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const seconds = (performance.now() - started) / 1000;
  return ((cpuTicks(pid) - startTicks) / TICKS_PER_SECOND / seconds) * 100;
}
