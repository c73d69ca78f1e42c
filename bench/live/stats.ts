/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function ascending(values: Iterable<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Milliseconds with `digits` decimals, or `na` for a figure that could not be measured. */
export function ms(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'na';
}

export const log = (line: string) => console.error(`bench:live: ${line}`);

/** Wall-clock milliseconds with sub-millisecond precision (the same scale the browser reports). */
export const epochNow = () => performance.timeOrigin + performance.now();
