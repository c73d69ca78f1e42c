/**
 * Everything a test client received, in arrival order, and a way to await an entry without
 * sleeping: `waitFor` resolves with the first entry (already recorded or still to come) that
 * matches, or rejects after `timeoutMs` with a message naming what was awaited and what did arrive.
 */
export class EventLog<T> {
  readonly entries: T[] = [];
  private readonly waiters = new Set<(entry: T) => void>();

  constructor(private readonly describe: (entry: T) => string) {}

  push(entry: T): void {
    this.entries.push(entry);
    for (const waiter of [...this.waiters]) waiter(entry);
  }

  waitFor<R extends T>(
    match: (entry: T) => entry is R,
    what: string,
    timeoutMs: number,
  ): Promise<R>;
  waitFor(match: (entry: T) => boolean, what: string, timeoutMs: number): Promise<T>;
  waitFor(match: (entry: T) => boolean, what: string, timeoutMs: number): Promise<T> {
    const seen = this.entries.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const got = this.entries.map(this.describe).join(', ') || 'nothing';
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received: ${got}`));
      }, timeoutMs);
      const waiter = (entry: T): void => {
        if (!match(entry)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(entry);
      };
      this.waiters.add(waiter);
    });
  }
}
