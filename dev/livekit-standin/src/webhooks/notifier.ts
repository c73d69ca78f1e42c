import { Agent, request } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { WebhookEvent } from '@livekit/protocol';
import { encodeWebhookJson } from '../encoding';
import type { EventSink } from './events';
import { signWebhook } from './signer';

export interface NotifierOptions {
  urls: string[];
  apiKey: string;
  secret: string;
  /** First retry delay; doubles per attempt up to 30 s (go-retryablehttp defaults, §5.4). */
  retryBaseMs: number;
  log: (line: string) => void;
}

interface Pending {
  event: string;
  body: string;
  enqueuedAt: number;
}

const MAX_RETRIES = 4;
const MAX_BACKOFF_MS = 30_000;
const MAX_QUEUE_DEPTH = 200;
const MAX_QUEUE_WAIT_MS = 30_000;

/**
 * Webhook delivery like LiveKit's resource URL notifier (§5.4): one FIFO queue per resource key
 * per URL, one request at a time, retries on connection errors, 429 and 5xx except 501.
 */
export class WebhookNotifier implements EventSink {
  readonly enabled: boolean;
  private readonly queues = new Map<string, Pending[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly httpAgent = new Agent({ keepAlive: true });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true });
  private closed = false;

  constructor(private readonly options: NotifierOptions) {
    this.enabled = options.urls.length > 0;
  }

  emit(event: WebhookEvent): void {
    if (!this.enabled || this.closed) return;
    // Encoded now: the payload is a snapshot of the state at the moment of the change.
    const body = encodeWebhookJson(event);
    const key = resourceKey(event);
    for (const url of this.options.urls)
      this.enqueue(url, key, { event: event.event, body, enqueuedAt: Date.now() });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queues.clear();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private enqueue(url: string, key: string, item: Pending): void {
    const queueKey = `${url}\u0000${key}`;
    const queue = this.queues.get(queueKey);
    if (queue) {
      if (queue.length >= MAX_QUEUE_DEPTH) {
        this.options.log(`webhook ${item.event} for ${key} dropped: queue full`);
        return;
      }
      queue.push(item);
      return;
    }
    const fresh = [item];
    this.queues.set(queueKey, fresh);
    void this.drain(url, queueKey, fresh);
  }

  private async drain(url: string, queueKey: string, queue: Pending[]): Promise<void> {
    while (!this.closed && queue.length > 0) {
      const item = queue[0]!;
      if (Date.now() - item.enqueuedAt > MAX_QUEUE_WAIT_MS) {
        this.options.log(`webhook ${item.event} dropped: waited too long`);
      } else {
        await this.deliver(url, item);
      }
      queue.shift();
    }
    // A drained queue is removed; the next event for this key starts a new one.
    if (this.queues.get(queueKey) === queue) this.queues.delete(queueKey);
  }

  private async deliver(url: string, item: Pending): Promise<void> {
    const token = signWebhook(item.body, this.options.apiKey, this.options.secret);
    for (let attempt = 0; !this.closed; attempt++) {
      const outcome = await this.post(url, item.body, token);
      const retryable =
        outcome.status === undefined ||
        outcome.status === 429 ||
        (outcome.status >= 500 && outcome.status !== 501);
      if (!retryable) return;
      if (attempt >= MAX_RETRIES) {
        this.options.log(`webhook ${item.event} to ${url} failed after ${MAX_RETRIES} retries`);
        return;
      }
      const backoff = Math.min(this.options.retryBaseMs * 2 ** attempt, MAX_BACKOFF_MS);
      await this.sleep(outcome.retryAfterMs ?? backoff);
    }
  }

  private post(
    url: string,
    body: string,
    token: string,
  ): Promise<{ status?: number; retryAfterMs?: number }> {
    return new Promise((resolve) => {
      const isHttps = url.startsWith('https:');
      const send = isHttps ? httpsRequest : request;
      const req = send(
        url,
        {
          method: 'POST',
          agent: isHttps ? this.httpsAgent : this.httpAgent,
          headers: {
            'Content-Type': 'application/webhook+json',
            'User-Agent': 'LiveKit',
            Authorization: token,
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              retryAfterMs: retryAfter(res.statusCode, res.headers['retry-after']),
            }),
          );
          res.on('error', () => resolve({}));
        },
      );
      req.on('error', (error) => {
        this.options.log(`webhook to ${url}: ${error.message}`);
        resolve({});
      });
      req.end(body);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

/** go-retryablehttp honours `Retry-After` (in seconds) on 429 and 503. */
function retryAfter(status: number | undefined, header: string | undefined): number | undefined {
  if ((status !== 429 && status !== 503) || !header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0
    ? Math.min(seconds * 1000, MAX_BACKOFF_MS)
    : undefined;
}

/** Queue key (§5.4): egress id, else ingress id, else room name, else identity, else track sid. */
function resourceKey(event: WebhookEvent): string {
  return (
    event.egressInfo?.egressId ||
    event.ingressInfo?.ingressId ||
    event.room?.name ||
    event.participant?.identity ||
    event.track?.sid ||
    ''
  );
}
