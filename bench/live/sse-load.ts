/**
 * Many SSE clients on GET /api/live while events flow: each client parses its stream with
 * eventsource-parser and checks that it sees every event id of the instance in sequence
 * (`<instance>-<seq>`, lib/live/bus.ts), so a dropped or reordered event shows as a gap.
 */
import { request, type ClientRequest } from 'node:http';

import { createParser } from 'eventsource-parser';

import { log } from './stats';

/** One stream, as a browser tab would hold it. */
export class SseProbe {
  status = 0;
  instance: string | null = null;
  firstSeq: number | null = null;
  lastSeq: number | null = null;
  events = 0;
  /** Event ids skipped (a gap in the sequence) or seen out of order. */
  gaps = 0;
  outOfOrder = 0;
  badData = 0;
  hello = false;
  /** Why the stream failed (non-200, socket error, closed by the server, parse error). */
  error: string | null = null;
  private req: ClientRequest | null = null;
  private closing = false;

  constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  /** Resolves once `hello` arrived, or the stream failed (see `error`). */
  open(): Promise<void> {
    return new Promise((resolve) => {
      const fail = (why: string) => {
        if (this.closing) return resolve();
        this.error ??= why;
        resolve();
      };
      const parser = createParser({
        onEvent: (message) => {
          if (message.event === 'hello') {
            this.hello = true;
            resolve();
            return;
          }
          if (message.event !== undefined) return;
          this.onEvent(message.id, message.data);
        },
        onError: (error) => fail(`parse: ${error.message}`),
      });
      const req = request(
        this.url,
        { agent: false, headers: { cookie: this.cookie, accept: 'text/event-stream' } },
        (res) => {
          this.status = res.statusCode ?? 0;
          if (this.status !== 200) {
            res.resume();
            return fail(`status ${this.status}`);
          }
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => parser.feed(chunk));
          res.on('end', () => fail('closed by the server'));
          res.on('error', (error) => fail(`response: ${error.message}`));
        },
      );
      req.on('error', (error) => fail(`request: ${error.message}`));
      req.end();
      this.req = req;
      setTimeout(() => {
        if (!this.hello) fail('no hello within 30 s');
      }, 30_000).unref();
    });
  }

  private onEvent(id: string | undefined, data: string): void {
    const at = id?.lastIndexOf('-') ?? -1;
    const instance = at > 0 ? id!.slice(0, at) : null;
    const seq = at > 0 ? Number(id!.slice(at + 1)) : Number.NaN;
    let parsedId: unknown;
    try {
      parsedId = (JSON.parse(data) as { id?: unknown }).id;
    } catch {
      parsedId = undefined;
    }
    if (!instance || !Number.isInteger(seq) || parsedId !== id) {
      this.badData += 1;
      return;
    }
    if (this.instance === null) this.instance = instance;
    else if (instance !== this.instance) this.badData += 1;
    this.events += 1;
    if (this.lastSeq === null) this.firstSeq = seq;
    else if (seq <= this.lastSeq) this.outOfOrder += 1;
    else this.gaps += seq - this.lastSeq - 1;
    this.lastSeq = Math.max(seq, this.lastSeq ?? seq);
  }

  close(): void {
    this.closing = true;
    this.req?.destroy();
  }
}

/** Opens `count` probes, `concurrency` connection attempts at a time. */
export async function openProbes(
  url: string,
  cookie: string,
  count: number,
  concurrency = 50,
): Promise<SseProbe[]> {
  const probes = Array.from({ length: count }, () => new SseProbe(url, cookie));
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < probes.length) await probes[next++]!.open();
    }),
  );
  return probes;
}

/**
 * Waits until every healthy probe has the newest event id and no new event came for `quietMs`
 * (the load stopped and reconciliation has nothing more to say), at most `maxMs`.
 */
export async function waitForQuiet(
  probes: SseProbe[],
  { quietMs = 3000, maxMs = 30_000 } = {},
): Promise<{ newest: number | null; behind: number }> {
  const started = Date.now();
  let newest: number | null = null;
  let changedAt = Date.now();
  for (;;) {
    const healthy = probes.filter((p) => p.error === null);
    const seqs = healthy.map((p) => p.lastSeq ?? -1);
    const max = Math.max(-1, ...seqs);
    if (max !== newest) {
      newest = max;
      changedAt = Date.now();
    }
    const behind = seqs.filter((s) => s !== max).length;
    if ((behind === 0 && Date.now() - changedAt >= quietMs) || Date.now() - started >= maxMs) {
      if (behind > 0) log(`SSE: ${behind} healthy clients never got event ${max}`);
      return { newest: max < 0 ? null : max, behind };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface ProbeTotals {
  clients: number;
  errors: number;
  /** Per error text, for the log. */
  errorKinds: Map<string, number>;
  gaps: number;
  outOfOrder: number;
  badData: number;
  eventsMin: number;
  eventsMax: number;
}

export function totals(probes: SseProbe[]): ProbeTotals {
  const errorKinds = new Map<string, number>();
  for (const p of probes) {
    if (p.error) errorKinds.set(p.error, (errorKinds.get(p.error) ?? 0) + 1);
  }
  const healthy = probes.filter((p) => p.error === null);
  const counts = healthy.map((p) => p.events);
  return {
    clients: probes.length,
    errors: probes.length - healthy.length,
    errorKinds,
    gaps: healthy.reduce((n, p) => n + p.gaps, 0),
    outOfOrder: healthy.reduce((n, p) => n + p.outOfOrder, 0),
    badData: probes.reduce((n, p) => n + p.badData, 0),
    eventsMin: counts.length ? Math.min(...counts) : 0,
    eventsMax: counts.length ? Math.max(...counts) : 0,
  };
}
