/**
 * The webhook receiver under a sustained open-loop load: deliveries are sent at a fixed rate
 * whatever the answers, each signed the way LiveKit signs them (a JWT from livekit-server-sdk's
 * AccessToken with the body's SHA-256 in its `sha256` claim, sent bare in `Authorization`, as
 * dev/livekit-standin/src/webhooks/signer.ts does), each with its own event id so de-duplication
 * lets every one through. The mix is LiveKit's most common one: a participant joins, then leaves.
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';

import { ParticipantInfo, ParticipantInfo_State, Room, WebhookEvent } from '@livekit/protocol';
import { AccessToken } from 'livekit-server-sdk';

import { KEY, SECRET } from '../support/dashboard';
import { ascending, log, percentile } from './stats';

export interface Delivery {
  body: string;
  token: string;
  /** LiveKit's event name (`participant_joined`, …), to count outcomes per event. */
  event: string;
}

export interface WebhookLoadResult {
  sent: number;
  /** Measured deliveries answered per second (first send → last answer). */
  rate: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  /**
   * Answers by `<outcome> <event>`. A `stale participant_joined` is a join answered after its own
   * leave: the two are sent 0.5 ms apart on different sockets, so under load the leave can be
   * verified first, and the receiver then rightly refuses to bring the participant back.
   */
  outcomes: Map<string, number>;
}

const ROOMS = 10;

const roomOf = (r: number, createdS: bigint) =>
  new Room({
    sid: `RM_benchwh${r}`,
    name: `bench-webhook-${r}`,
    emptyTimeout: 300,
    departureTimeout: 20,
    creationTime: createdS,
  });

async function sign(event: WebhookEvent): Promise<Delivery> {
  const body = JSON.stringify(event.toJson());
  const token = new AccessToken(KEY, SECRET, { ttl: '10m' });
  token.sha256 = createHash('sha256').update(body, 'utf8').digest('base64');
  return { body, token: await token.toJwt(), event: event.event };
}

/**
 * The rooms' `room_started`, then `count` deliveries: participant i joins, then leaves. Joins are
 * dated 1 ms apart (1,000 joins/s, the pace of 2,000 deliveries/s), in LiveKit's own fields.
 */
export async function signedDeliveries(
  tag: string,
  count: number,
): Promise<{ rooms: Delivery[]; deliveries: Delivery[] }> {
  const baseMs = Date.now();
  const seconds = (atMs: number) => BigInt(Math.floor(atMs / 1000));
  const rooms = await Promise.all(
    Array.from({ length: ROOMS }, (_, r) =>
      sign(
        new WebhookEvent({
          event: 'room_started',
          id: `EV_${tag}_room_${r}`,
          createdAt: seconds(baseMs),
          room: roomOf(r, seconds(baseMs)),
        }),
      ),
    ),
  );
  const deliveries: Delivery[] = [];
  for (let i = 0; i < count; i++) {
    const p = Math.floor(i / 2);
    const joined = i % 2 === 0;
    const joinedAtMs = baseMs + p;
    deliveries.push(
      await sign(
        new WebhookEvent({
          event: joined ? 'participant_joined' : 'participant_left',
          id: `EV_${tag}_${i}`,
          createdAt: seconds(joinedAtMs),
          room: roomOf(p % ROOMS, seconds(baseMs)),
          participant: new ParticipantInfo({
            sid: `PA_${tag}${p}`,
            identity: `wh-${p}`,
            state: joined ? ParticipantInfo_State.ACTIVE : ParticipantInfo_State.DISCONNECTED,
            joinedAt: seconds(joinedAtMs),
            joinedAtMs: BigInt(joinedAtMs),
          }),
        }),
      ),
    );
  }
  return { rooms, deliveries };
}

interface Answer {
  /** The delivery's event, or `GET` for the floor. */
  event: string;
  status: number;
  outcome: string;
  ms: number;
  doneAt: number;
}

/** POSTs one delivery; `null` GETs the URL instead (the floor: a route that does nothing). */
function deliver(url: string, agent: Agent, delivery: Delivery | null): Promise<Answer> {
  const started = performance.now();
  const event = delivery?.event ?? 'GET';
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: delivery ? 'POST' : 'GET',
        agent,
        headers: delivery
          ? {
              'content-type': 'application/webhook+json',
              'user-agent': 'LiveKit',
              authorization: delivery.token,
              'content-length': Buffer.byteLength(delivery.body),
            }
          : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const doneAt = performance.now();
          let outcome = `status ${res.statusCode}`;
          try {
            outcome = (JSON.parse(text) as { outcome?: string }).outcome ?? outcome;
          } catch {
            // Not JSON: the status says enough.
          }
          resolve({ event, status: res.statusCode ?? 0, outcome, ms: doneAt - started, doneAt });
        });
      },
    );
    req.on('error', (error) => {
      const doneAt = performance.now();
      resolve({
        event,
        status: 0,
        outcome: `error ${error.message}`,
        ms: doneAt - started,
        doneAt,
      });
    });
    req.end(delivery?.body);
  });
}

/**
 * Sends `deliveries` at `rate` per second (open loop: a slow answer never delays the next send;
 * waiting for a socket counts in the latency), then waits for every answer.
 */
async function sendAtRate(
  url: string,
  agent: Agent,
  deliveries: (Delivery | null)[],
  rate: number,
): Promise<{ answers: Answer[]; startedAt: number }> {
  const pending: Promise<Answer>[] = [];
  const startedAt = performance.now();
  let sent = 0;
  while (sent < deliveries.length) {
    const due = Math.min(
      deliveries.length,
      Math.floor(((performance.now() - startedAt) * rate) / 1000) + 1,
    );
    while (sent < due) pending.push(deliver(url, agent, deliveries[sent++]!));
    // A 1 ms timer, not a busy loop: the bench must not take a core from the server it measures.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return { answers: await Promise.all(pending), startedAt };
}

/** `url`: the receiver, the dashboard's route or its dedicated port. */
export async function webhookLoad(
  url: string,
  { rate, seconds, warmupSeconds = 1 }: { rate: number; seconds: number; warmupSeconds?: number },
): Promise<WebhookLoadResult> {
  const warmup = Math.round(rate * warmupSeconds);
  const measured = Math.round(rate * seconds);
  const signingStarted = performance.now();
  const tag = `bench${Date.now().toString(36)}`;
  const { rooms, deliveries } = await signedDeliveries(tag, warmup + measured);
  log(
    `webhooks: signed ${rooms.length + deliveries.length} deliveries in ${(performance.now() - signingStarted).toFixed(0)} ms`,
  );
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    for (const room of rooms) {
      const answer = await deliver(url, agent, room);
      if (answer.status !== 200) throw new Error(`room_started answered ${answer.status}`);
    }
    const warm = await sendAtRate(url, agent, deliveries.slice(0, warmup), rate);
    const warmBad = warm.answers.filter((a) => a.status < 200 || a.status > 299).length;
    log(`webhooks: warm-up ${warmup} deliveries, ${warmBad} non-2xx`);

    return summarize(await sendAtRate(url, agent, deliveries.slice(warmup), rate));
  } finally {
    agent.destroy();
  }
}

function summarize({ answers, startedAt }: { answers: Answer[]; startedAt: number }) {
  const lastAt = Math.max(...answers.map((a) => a.doneAt));
  const sorted = ascending(answers.map((a) => a.ms));
  const outcomes = new Map<string, number>();
  for (const a of answers) {
    const key = `${a.outcome} ${a.event}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  return {
    sent: answers.length,
    rate: answers.length / ((lastAt - startedAt) / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    non2xx: answers.filter((a) => a.status < 200 || a.status > 299).length,
    outcomes,
  };
}

/**
 * The same open-loop load on GET /api/health, a route that does nothing: what Next.js itself
 * (its router and our proxy.ts) costs per request on this machine, to read the receiver's figure
 * against.
 */
export async function floorLoad(
  dashboardUrl: string,
  { rate, seconds }: { rate: number; seconds: number },
): Promise<WebhookLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    const requests = Array.from({ length: Math.round(rate * seconds) }, () => null);
    return summarize(await sendAtRate(`${dashboardUrl}/api/health`, agent, requests, rate));
  } finally {
    agent.destroy();
  }
}
