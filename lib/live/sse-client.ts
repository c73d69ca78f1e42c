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
 * One SSE response with a bounded queue. A chunk goes to the sink only while the sink is ready for
 * more (a web stream's reader is waiting; a Node response's socket buffer is under its mark).
 * Everything else waits in this queue, capped at `maxQueuedBytes`: a client that reads slower than
 * events arrive fills it and is dropped (the stream closes, the queue is freed at once). Its
 * EventSource reconnects with Last-Event-ID and resumes from the replay buffer, so a slow client
 * costs the server at most the cap, never more over time.
 */
export class SseClient {
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private sink: SseSink | null = null;
  /** The sink takes the next chunk at once (nothing queued ahead of it). */
  private ready = false;
  private closed = false;
  private readonly onClose: Array<(reason: CloseReason) => void> = [];

  constructor(private readonly maxQueuedBytes: number) {}

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

  /** Queues a chunk; false when the client is gone or was just dropped for falling behind. */
  send(chunk: Uint8Array): boolean {
    if (this.closed) return false;
    if (this.ready && this.queue.length === 0 && this.sink) {
      this.ready = this.sink.write(chunk);
      return true;
    }
    if (this.queuedBytes + chunk.byteLength > this.maxQueuedBytes) {
      this.close('overflow');
      return false;
    }
    this.queue.push(chunk);
    this.queuedBytes += chunk.byteLength;
    return true;
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
      this.ready = this.sink.write(next);
    }
  }
}

export type CloseReason = 'server' | 'overflow' | 'disconnected';
