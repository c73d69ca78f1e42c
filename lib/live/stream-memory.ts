import 'server-only';

import { Session } from 'node:inspector';

/** A crowd: this many streams closed since the most were open, then this long without a close. */
const STREAM_MEMORY = { minClosed: 200, quietMs: 5000 };

/**
 * Hands memory back once a crowd of live streams has left. A thousand open streams grow the heap
 * by about 50 MB (the streams themselves, and V8's young generation grown to its maximum while
 * they opened). When they close, that memory is garbage, but V8 only collects its old generation
 * when the old generation grows again or when its memory reducer runs, and the memory reducer
 * starts after a full collection that saw the heap grow: a server that went quiet may have had
 * none. So after at least `minClosed` streams closed and none for `quietMs`, this asks V8 for one
 * full collection (bench:live measures the RSS before, during and after).
 */
export class StreamMemoryReducer {
  private open = 0;
  /** The most streams open since the last collection. */
  private peak = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly collect: () => void,
    private readonly options: { minClosed: number; quietMs: number } = STREAM_MEMORY,
  ) {}

  opened(): void {
    this.open += 1;
    this.peak = Math.max(this.peak, this.open);
  }

  closed(): void {
    this.open -= 1;
    if (this.peak - this.open < this.options.minClosed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), this.options.quietMs);
    this.timer.unref();
  }

  private settle(): void {
    this.timer = undefined;
    if (this.peak - this.open < this.options.minClosed) return;
    this.peak = this.open;
    this.collect();
  }
}

/**
 * One collection of everything collectable that also hands the freed pages back to the system
 * (V8's CollectAllAvailableGarbage, the "Collect garbage" button of DevTools), through an
 * in-process inspector session: no port is opened and no V8 flag is changed. A plain full GC
 * would free the objects but keep the pages and the grown young generation. It blocks the event
 * loop as long as a full collection takes (logged; bench:live reports the stall), once, after a
 * crowd left. Where Node was built without the inspector, nothing is collected early, which costs
 * memory, not correctness.
 */
export function collectGarbage(): void {
  let session: Session;
  try {
    session = new Session();
    session.connect();
  } catch {
    return;
  }
  const started = performance.now();
  // Disconnecting from inside the session's own callback would deadlock: after it, not in it.
  session.post('HeapProfiler.collectGarbage', (err) => {
    setImmediate(() => session.disconnect());
    if (!err) {
      console.info(
        `[moderato] live: a crowd of streams left; memory collected in ${Math.round(performance.now() - started)} ms`,
      );
    }
  });
}
