import 'server-only';

/**
 * Where a stream's frames go: a web `ReadableStream` (the route, lib/live/sse-stream.ts) or a Node
 * `ServerResponse` (the door outside Next, lib/live/live-node-door.ts).
 */
export interface SseSink {
  /** Hands one chunk on; false when the sink wants no more until the client's `drained()`. */
  write(chunk: Uint8Array): boolean;
  /** Ends the response: gracefully for `server`, at once (freeing what it buffered) for `overflow`. */
  end(reason: Exclude<CloseReason, 'disconnected'>): void;
}

/**
 * How far past its allowance a client may fall, while its `resync` frame waits to be sent, before
 * it is dropped: a client that cannot take even that frame has stopped reading.
 */
const RESYNC_SKIP_FACTOR = 4;

/**
 * One SSE response with a bounded queue. A chunk goes to the sink only while the sink is ready for
 * more (a web stream's reader is waiting; a Node response's socket buffer is under its mark).
 * Everything else waits in this queue, capped at `maxQueuedBytes`, so a client costs the server at
 * most the cap, never more over time. Past the cap:
 * - with a `resync` frame (the live stream's `reset`): the queue is replaced by that frame, and
 *   every chunk until it has been handed on is skipped, since the client refetches what it shows
 *   when it reads it. Why: a burst written in one go (the first listing of a room of a thousand
 *   participants is ~800 KB of joins) overflows a client that reads perfectly well; dropping it
 *   cost a reconnection a second later, with the page polling meanwhile. A client that falls a
 *   further RESYNC_SKIP_FACTOR × the cap behind before even that frame is out is dropped.
 * - without one, or then: the client is dropped (the stream closes, the queue is freed at once).
 *   Its EventSource reconnects with Last-Event-ID and resumes from the replay buffer.
 */
export class SseClient {
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private sink: SseSink | null = null;
  /** The sink takes the next chunk at once (nothing queued ahead of it). */
  private ready = false;
  private closed = false;
  /** Bytes skipped since the queue was replaced by `resync`; null while not resyncing. */
  private skippedBytes: number | null = null;
  private readonly onClose: Array<(reason: CloseReason) => void> = [];

  constructor(
    private readonly maxQueuedBytes: number,
    private readonly resync: Uint8Array | null = null,
  ) {}

  /** Connects the sink; `ready`: whether it takes a chunk before its first `drained()`. */
  attach(sink: SseSink, ready: boolean): void {
    this.sink = sink;
    this.ready = ready;
    this.flush();
  }

  /** The sink can take more: what waits is handed on until it says stop again. */
  drained(): void {
    this.ready = true;
    this.flush();
  }

  /**
   * Queues a chunk (or skips it while resyncing); false when the client is gone or was just dropped
   * for falling behind.
   */
  send(chunk: Uint8Array): boolean {
    if (this.closed) return false;
    if (this.skippedBytes !== null) return this.skip(chunk);
    if (this.ready && this.queue.length === 0 && this.sink) {
      this.ready = this.sink.write(chunk);
      return true;
    }
    if (this.queuedBytes + chunk.byteLength > this.maxQueuedBytes) {
      if (!this.resync) {
        this.close('overflow');
        return false;
      }
      this.queue.length = 0;
      this.queue.push(this.resync);
      this.queuedBytes = this.resync.byteLength;
      this.skippedBytes = 0;
      return this.skip(chunk);
    }
    this.queue.push(chunk);
    this.queuedBytes += chunk.byteLength;
    return true;
  }

  private skip(chunk: Uint8Array): boolean {
    const skipped = (this.skippedBytes ?? 0) + chunk.byteLength;
    this.skippedBytes = skipped;
    if (skipped <= RESYNC_SKIP_FACTOR * this.maxQueuedBytes) return true;
    this.close('overflow');
    return false;
  }

  /** Bytes waiting for the client (for tests and diagnostics). */
  get backlogBytes(): number {
    return this.queuedBytes;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Ends the response: whatever is queued is dropped (the client resumes by Last-Event-ID).
   * `disconnected`: the client is already gone, so the sink is left alone.
   */
  close(reason: CloseReason = 'server'): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.skippedBytes = null;
    if (reason !== 'disconnected') {
      try {
        this.sink?.end(reason);
      } catch {
        // Already closed or cancelled by the reader.
      }
    }
    for (const listener of this.onClose.splice(0)) listener(reason);
  }

  /** Runs once, when the stream ends for any reason. */
  onClosed(listener: (reason: CloseReason) => void): void {
    if (this.closed) listener('server');
    else this.onClose.push(listener);
  }

  private flush(): void {
    while (this.ready && this.sink && !this.closed) {
      const next = this.queue.shift();
      if (!next) return;
      this.queuedBytes -= next.byteLength;
      // Chunks sent from now on reach the client after the resync frame: they are queued again.
      if (next === this.resync) this.skippedBytes = null;
      this.ready = this.sink.write(next);
    }
  }
}

export type CloseReason = 'server' | 'overflow' | 'disconnected';
