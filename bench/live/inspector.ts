/**
 * A look inside next-server after a figure is taken: SIGUSR1 opens Node's inspector on
 * 127.0.0.1:9229 (https://nodejs.org/en/learn/getting-started/debugging), and a few DevTools
 * protocol calls tell a leak (JS heap still full after a forced GC) from memory the allocator has
 * not handed back yet, and how long the event loop stalls under load. Attached, with no protocol
 * domain enabled, it costs the server nothing; a forced GC only ever runs outside a measurement.
 */
import { WebSocket } from 'undici';

const INSPECTOR = 'http://127.0.0.1:9229';

interface Reply {
  id?: number;
  result?: { result?: { value?: unknown }; profile?: unknown };
  error?: unknown;
}

export class Inspector {
  private nextId = 0;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (message) => {
      const reply = JSON.parse(String(message.data)) as Reply;
      if (reply.id === undefined) return;
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  static async attach(pid: number): Promise<Inspector> {
    process.kill(pid, 'SIGUSR1');
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        const [target] = (await (await fetch(`${INSPECTOR}/json/list`)).json()) as {
          webSocketDebuggerUrl: string;
        }[];
        const socket = new WebSocket(target!.webSocketDebuggerUrl);
        await new Promise((resolve, reject) => {
          socket.addEventListener('open', resolve);
          socket.addEventListener('error', reject);
        });
        return new Inspector(socket);
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  private send(method: string, params: object = {}): Promise<Reply> {
    const id = ++this.nextId;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  /** Evaluates `expression` in the server (with Node's `require`) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = await this.send('Runtime.evaluate', {
      expression: `JSON.stringify(${expression})`,
      includeCommandLineAPI: true,
    });
    if (reply.error) throw new Error(JSON.stringify(reply.error));
    return JSON.parse(String(reply.result?.result?.value)) as T;
  }

  /** JS heap in use, MB. */
  async heapUsedMb(): Promise<number> {
    return (await this.evaluate<number>('process.memoryUsage().heapUsed')) / 1024 / 1024;
  }

  async collectGarbage(): Promise<void> {
    await this.send('HeapProfiler.collectGarbage');
  }

  /** Starts recording event-loop delay (perf_hooks.monitorEventLoopDelay, 1 ms resolution). */
  async startLoopDelay(): Promise<void> {
    await this.evaluate(
      `(globalThis.__benchLoopDelay = require('node:perf_hooks').monitorEventLoopDelay({ resolution: 1 }), globalThis.__benchLoopDelay.enable(), 0)`,
    );
  }

  /** Event-loop delay since startLoopDelay: p99 and max, ms. */
  async stopLoopDelay(): Promise<{ p99: number; max: number }> {
    return this.evaluate(
      `(() => { const h = globalThis.__benchLoopDelay; h.disable(); return { p99: h.percentile(99) / 1e6, max: h.max / 1e6 }; })()`,
    );
  }

  /**
   * Starts V8's sampling CPU profiler (DevTools protocol `Profiler`), 1 ms interval unless given.
   * Only for BENCH_LIVE_PROFILE runs: sampling costs the server a few percent.
   */
  async startProfile(intervalUs = 1000): Promise<void> {
    await this.send('Profiler.enable');
    await this.send('Profiler.setSamplingInterval', { interval: intervalUs });
    await this.send('Profiler.start');
  }

  /** Stops the profiler: the profile as DevTools saves it (`.cpuprofile` JSON). */
  async stopProfile(): Promise<string> {
    const reply = await this.send('Profiler.stop');
    await this.send('Profiler.disable');
    return JSON.stringify(reply.result?.profile ?? null);
  }

  close(): void {
    this.socket.close();
  }
}
