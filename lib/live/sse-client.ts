import 'server-only';

/**
 * One SSE response body with a bounded queue. The body is a pull stream with no internal buffer
 * (highWaterMark 0): a chunk moves into it only when Next's pipe asks for one, and Next asks only
 * once the socket has drained. Everything else waits in this queue, capped at `maxQueuedBytes`: a
 * client that reads slower than events arrive fills it and is dropped (the stream closes, the
 * queue is freed at once). Its EventSource reconnects with Last-Event-ID and resumes from the
 * replay buffer, so a slow client costs the server at most the cap, never more over time.
 */
export class SseClient {
  readonly stream: ReadableStream<Uint8Array>;
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  /** A read is waiting and nothing was queued: the next chunk goes straight to it. */
  private readerWaiting = false;
  private closed = false;
  private readonly onClose: Array<(reason: CloseReason) => void> = [];

  constructor(private readonly maxQueuedBytes: number) {
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: (controller) => {
          const next = this.queue.shift();
          if (next) {
            this.queuedBytes -= next.byteLength;
            controller.enqueue(next);
          } else {
            this.readerWaiting = true;
          }
        },
        cancel: () => this.finish('disconnected'),
      },
      { highWaterMark: 0 },
    );
  }

  /** Queues a chunk; false when the client is gone or was just dropped for falling behind. */
  send(chunk: Uint8Array): boolean {
    if (this.closed || !this.controller) return false;
    if (this.readerWaiting && this.queue.length === 0) {
      this.readerWaiting = false;
      this.controller.enqueue(chunk);
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

  /** Ends the response: whatever is queued is dropped (the client resumes by Last-Event-ID). */
  close(reason: CloseReason = 'server'): void {
    if (this.closed) return;
    this.queue.length = 0;
    this.queuedBytes = 0;
    try {
      this.controller?.close();
    } catch {
      // Already closed or cancelled by the reader.
    }
    this.finish(reason);
  }

  /** Runs once, when the stream ends for any reason. */
  onClosed(listener: (reason: CloseReason) => void): void {
    if (this.closed) listener('server');
    else this.onClose.push(listener);
  }

  private finish(reason: CloseReason): void {
    if (this.closed && this.onClose.length === 0) return;
    this.closed = true;
    this.queue.length = 0;
    this.queuedBytes = 0;
    for (const listener of this.onClose.splice(0)) listener(reason);
  }
}

export type CloseReason = 'server' | 'overflow' | 'disconnected';
