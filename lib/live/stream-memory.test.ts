import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { collectGarbage, StreamMemoryReducer } from './stream-memory';

describe('StreamMemoryReducer', () => {
  let collect: ReturnType<typeof vi.fn<() => void>>;
  let reducer: StreamMemoryReducer;
  beforeEach(() => {
    vi.useFakeTimers();
    collect = vi.fn<() => void>();
    reducer = new StreamMemoryReducer(collect, { minClosed: 10, quietMs: 1000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const crowd = (opened: number, closed: number) => {
    for (let i = 0; i < opened; i++) reducer.opened();
    for (let i = 0; i < closed; i++) reducer.closed();
  };

  it('collects once, after a crowd has left and the streams stay quiet', () => {
    crowd(12, 11);
    vi.advanceTimersByTime(999);
    // Another stream closing restarts the wait: the crowd is still leaving.
    reducer.closed();
    vi.advanceTimersByTime(999);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('leaves the heap alone while fewer streams closed than a crowd', () => {
    // Streams come and go all day: many closes in all, never a crowd leaving at once.
    for (let round = 0; round < 50; round++) crowd(5, 5);
    crowd(9, 9);
    vi.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();
  });

  it('counts the next crowd from the streams still open after a collection', () => {
    crowd(30, 10);
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(1);
    // 20 still open: 9 more leaving is not a crowd, 10 is.
    crowd(0, 9);
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(1);
    crowd(0, 1);
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(2);
  });
});

describe('collectGarbage', () => {
  it('frees garbage and lets the process carry on', async () => {
    let garbage: unknown[] | null = Array.from({ length: 200_000 }, (_, i) => ({
      i,
      text: `x${i}`,
    }));
    const weak = new WeakRef(garbage);
    garbage = null;
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    collectGarbage();
    // The session is closed after its answer, on a later turn: a hang would time the test out.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(weak.deref()).toBeUndefined();
    // Operators see why the server paused, and for how long.
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/memory collected in \d+ ms/));
    info.mockRestore();
  });
});
