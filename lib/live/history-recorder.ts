import 'server-only';

import type { Kysely } from 'kysely';

import type { LiveEvent } from '@/lib/contracts/live-events';
import { toTimelineEntry } from '@/lib/contracts/timeline-entry';
import {
  adoptRoomSid,
  closeRoomSession,
  findOpenRoomSession,
  findRoomSessionEndedSince,
  type HistoryDb,
  insertRoomEvents,
  lastActivityAt,
  listOpenRoomSessions,
  openRoomSession,
  type PendingPeaks,
  pruneHistory,
  raisePendingPeaks,
  recordParticipantJoin,
  recordParticipantLeave,
  type RoomFacts,
} from '@/lib/db/history';
import { getDb, getDbKind } from '@/lib/db/index';
import type { Database } from '@/lib/db/schema';
import { listRooms } from '@/lib/livekit/room-service';

import { isOwnEvent, type LiveBus } from './bus';
import { liveEnv } from './live-env';
import { processSingleton } from './process-singleton';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest one history transaction holds the loop with the embedded store, ms (roughly). */
const SQLITE_BUDGET_MS = 4;

export interface HistoryRecorderOptions {
  bus: LiveBus;
  /** The store; the process's by default. */
  db?: () => Promise<Kysely<Database>>;
  /** Queued events are written at most this long after they happen, ms. */
  flushMs?: number;
  /**
   * …or as soon as this many are queued; also the most one transaction writes. Small on purpose:
   * the embedded SQLite store writes synchronously, so one transaction is one stall of the event
   * loop (webhooks, streams and pages all wait for it).
   */
  batchSize?: number;
  /**
   * A transaction takes no more events once it has run this long, ms (it always takes one): what
   * bounds the stall, whatever an event costs to write; the rest waits for the next transaction,
   * after the loop has served the I/O that waited. By default 4 ms with the embedded SQLite store
   * and no bound with PostgreSQL, whose queries wait without holding the loop.
   */
  batchBudgetMs?: number;
  /** While the store is down, the oldest events beyond this many are dropped (with a warning). */
  maxQueue?: number;
  retentionDays?: number;
  retentionEveryMs?: number;
  /** Sids of the rooms LiveKit has now, or null when it cannot say; LiveKit's by default. */
  liveRoomSids?: () => Promise<ReadonlySet<string> | null>;
  now?: () => number;
  log?: Pick<Console, 'warn' | 'error'>;
}

export interface HistoryRecorder {
  /** Writes everything queued so far (tests, shutdown). */
  flush(): Promise<void>;
  /** Start-up work: closes sessions of rooms that ended while Moderato was down, then prunes. */
  start(): Promise<void>;
  stop(): Promise<void>;
  prune(): Promise<void>;
  /** For diagnostics and tests. */
  stats(): { queued: number; dropped: number; written: number; failures: number };
}

type Job =
  | { kind: 'event'; event: LiveEvent; roomSid: string | null; timeline: boolean }
  | { kind: 'adopt'; from: string; to: string };

/** The session an event is recorded in; `endedAtMs` when it was already over. */
type SessionFacts = RoomFacts & { endedAtMs?: number };

interface KnownSid {
  roomSid: string;
  tenant: string | null;
  /** Made up by this recorder for events seen before their room's sid. */
  provisional: boolean;
}

/**
 * Writes session history from live events. Every instance hears every event (through the bus),
 * but writes only those it published itself (event ids start with its instance id): with several
 * instances each event is written exactly once, and the writes are idempotent anyway. Listening
 * never blocks the publisher: events are queued and written in batches, one transaction each,
 * every `flushMs` or `batchSize` events; a failed batch is retried with back-off and the queue is
 * bounded, dropping the oldest (with a warning) if the store stays down.
 */
export function createHistoryRecorder(options: HistoryRecorderOptions): HistoryRecorder {
  const bus = options.bus;
  const openDb = options.db ?? getDb;
  const flushMs = options.flushMs ?? 250;
  const batchSize = options.batchSize ?? 50;
  const maxQueue = options.maxQueue ?? 20_000;
  const now = options.now ?? Date.now;
  const log = options.log ?? console;

  /** roomName → its current session's sid, from every instance's room events. */
  const rooms = new Map<string, KnownSid>();
  /** roomSid → what a room.updated is compared with, to keep count-only updates off the timeline. */
  const roomState = new Map<string, string>();
  const queue: Job[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let flushing: Promise<void> | null = null;
  let failures = 0;
  let dropped = 0;
  let written = 0;
  let lastDropWarning = 0;
  let stopped = false;
  let retention: ReturnType<typeof setInterval> | null = null;

  const unsubscribe = bus.subscribe((event) => {
    try {
      observe(event);
    } catch (err) {
      log.error('[moderato] history: could not queue an event', err);
    }
  });

  function observe(event: LiveEvent): void {
    const own = isOwnEvent(bus, event);
    let roomSid = rooms.get(event.roomName)?.roomSid ?? null;
    let timeline = true;
    switch (event.type) {
      case 'room.started':
      case 'room.updated': {
        const previous = rooms.get(event.roomName);
        if (previous?.provisional && previous.roomSid !== event.room.sid) {
          enqueue({ kind: 'adopt', from: previous.roomSid, to: event.room.sid });
        }
        rooms.set(event.roomName, {
          roomSid: event.room.sid,
          tenant: event.tenant,
          provisional: false,
        });
        roomSid = event.room.sid;
        const state = JSON.stringify([event.room.metadata, event.room.activeRecording]);
        const before = roomState.get(event.room.sid);
        roomState.set(event.room.sid, state);
        // room.updated also fires for counts; only a metadata or recording change is activity.
        if (event.type === 'room.updated') timeline = before !== undefined && before !== state;
        break;
      }
      case 'room.finished': {
        roomSid = event.roomSid || roomSid;
        const current = rooms.get(event.roomName);
        if (current && (!event.roomSid || current.roomSid === event.roomSid)) {
          rooms.delete(event.roomName);
        }
        if (roomSid) roomState.delete(roomSid);
        break;
      }
      default:
        break;
    }
    if (!own) return;
    enqueue({ kind: 'event', event, roomSid, timeline });
  }

  function enqueue(job: Job): void {
    queue.push(job);
    if (queue.length > maxQueue) {
      const excess = queue.length - maxQueue;
      queue.splice(0, excess);
      dropped += excess;
      if (now() - lastDropWarning > 10_000) {
        lastDropWarning = now();
        log.warn(
          `[moderato] history: the store is not keeping up; dropped the oldest events (${dropped} so far)`,
        );
      }
    }
    schedule(queue.length >= batchSize ? 0 : flushMs);
  }

  function schedule(delayMs: number): void {
    if (stopped || flushing || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delayMs);
    timer.unref?.();
  }

  function flush(): Promise<void> {
    flushing ??= drain().finally(() => {
      flushing = null;
      if (queue.length > 0 && failures === 0) schedule(queue.length >= batchSize ? 0 : flushMs);
    });
    return flushing;
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      // Between batches, let waiting I/O run: a long queue must not hold the loop for its whole
      // length (with SQLite no query yields on its own; 200 events stalled deliveries ~100 ms).
      await new Promise((resolve) => setImmediate(resolve));
      const candidates = queue.slice(0, batchSize);
      let batch = candidates;
      const created: Array<[string, KnownSid]> = [];
      try {
        const db = await openDb();
        const budgetMs =
          options.batchBudgetMs ?? (getDbKind() === 'postgres' ? Infinity : SQLITE_BUDGET_MS);
        await db.transaction().execute(async (trx) => {
          created.length = 0;
          // Peaks are raised once for each run of joins (lib/db/history.ts PendingPeaks).
          const peaks: PendingPeaks = new Map();
          const startedAt = performance.now();
          let taken = 0;
          for (const job of candidates) {
            if (taken > 0 && performance.now() - startedAt >= budgetMs) break;
            await apply(trx, job, created, peaks);
            taken += 1;
          }
          await raisePendingPeaks(trx, peaks);
          batch = candidates.slice(0, taken);
        });
      } catch (err) {
        failures += 1;
        if (failures === 1 || failures % 20 === 0) {
          log.warn(
            `[moderato] history: writing ${batch.length} events failed (attempt ${failures}), retrying`,
            err,
          );
        }
        // Back off, then try the same batch again (it is idempotent).
        if (!stopped) {
          const delay = Math.min(flushMs * 2 ** Math.min(failures, 6), 10_000);
          timer = setTimeout(() => {
            timer = null;
            void flush();
          }, delay);
          timer.unref?.();
        }
        return;
      }
      if (failures > 0) log.warn('[moderato] history: writing again after a failure');
      failures = 0;
      // Drops trim the queue from the front while a batch is written: what is left of the batch
      // is still at the front.
      const done = new Set<Job>(batch);
      let count = 0;
      while (count < queue.length && done.has(queue[count]!)) count += 1;
      queue.splice(0, count);
      written += batch.filter((j) => j.kind === 'event').length;
      for (const [roomName, known] of created) {
        const current = rooms.get(roomName);
        if (!current) rooms.set(roomName, known);
        // The room's real sid arrived while the provisional session was being written.
        else if (!current.provisional) {
          enqueue({ kind: 'adopt', from: known.roomSid, to: current.roomSid });
        }
      }
    }
  }

  /** The session an event belongs to: known from room events, else the newest open one. */
  async function sessionOf(
    db: HistoryDb,
    event: LiveEvent,
    roomSid: string | null,
    created: Array<[string, KnownSid]>,
    mayCreate: boolean,
  ): Promise<SessionFacts | null> {
    if (roomSid) return { roomSid, roomName: event.roomName, tenant: event.tenant };
    const open = await findOpenRoomSession(db, event.roomName);
    if (open) return { ...open, tenant: event.tenant ?? open.tenant };
    if (!mayCreate) return null;
    // Overtaken by its room's end (webhooks trail the room.finished a deletion publishes at once):
    // it belongs to that session, not to a new one that nothing would ever close.
    const ended = await findRoomSessionEndedSince(db, event.roomName, event.atMs);
    if (ended) return ended;
    // A participant seen before its room (a lost room_started): a provisional session, moved to
    // the real sid as soon as a room event names it.
    const provisional = `~${bus.instanceId}~${event.id}`;
    created.push([
      event.roomName,
      { roomSid: provisional, tenant: event.tenant, provisional: true },
    ]);
    return { roomSid: provisional, roomName: event.roomName, tenant: event.tenant };
  }

  async function apply(
    db: HistoryDb,
    job: Job,
    created: Array<[string, KnownSid]>,
    peaks: PendingPeaks,
  ): Promise<void> {
    if (job.kind === 'adopt') {
      await adoptRoomSid(db, job.from, job.to, peaks);
      return;
    }
    const { event } = job;
    let room: SessionFacts | null = null;
    switch (event.type) {
      case 'room.started':
      case 'room.updated':
        room = { roomSid: event.room.sid, roomName: event.roomName, tenant: event.tenant };
        await openRoomSession(db, {
          ...room,
          startedAtMs: event.room.creationTimeMs || event.atMs,
          numParticipants: event.room.numParticipants,
        });
        break;
      case 'room.finished':
        room = await sessionOf(db, event, job.roomSid, created, false);
        if (room) await closeRoomSession(db, room.roomSid, event.atMs, peaks);
        break;
      case 'participant.joined':
        room = await sessionOf(db, event, job.roomSid, created, true);
        await recordParticipantJoin(
          db,
          room!,
          {
            participantSid: event.participant.sid,
            identity: event.participant.identity,
            name: event.participant.name,
            kind: event.participant.kind,
            joinedAtMs: event.participant.joinedAtMs || event.atMs,
          },
          peaks,
        );
        // Joined a session already over: they left when it ended (a later leave gives the reason).
        if (room?.endedAtMs !== undefined) {
          await closeRoomSession(db, room.roomSid, room.endedAtMs, peaks);
        }
        break;
      case 'participant.left':
        room = await sessionOf(db, event, job.roomSid, created, true);
        await recordParticipantLeave(
          db,
          room!,
          {
            participantSid: event.participantSid,
            identity: event.identity,
            reason: event.reason,
            atMs: event.atMs,
          },
          peaks,
        );
        break;
      default:
        room = await sessionOf(db, event, job.roomSid, created, false);
        break;
    }
    // A participant.updated of presence or tracks only has no entry: those have events of their own.
    const entry = job.timeline ? toTimelineEntry(event, room?.roomSid ?? null) : null;
    if (entry) await insertRoomEvents(db, [{ ...entry, tenant: event.tenant }]);
  }

  async function closeEndedWhileDown(): Promise<void> {
    const db = await openDb();
    // Sessions first, rooms second: a session opened after this snapshot is never a candidate.
    const open = await listOpenRoomSessions(db);
    if (open.length === 0) return;
    const live = await (options.liveRoomSids ?? liveKitRoomSids)();
    if (!live) return;
    for (const session of open) {
      if (live.has(session.roomSid) || rooms.get(session.roomName)?.roomSid === session.roomSid) {
        continue;
      }
      await db.transaction().execute(async (trx) => {
        const at = (await lastActivityAt(trx, session.roomSid)) ?? now();
        await closeRoomSession(trx, session.roomSid, at);
      });
    }
  }

  async function prune(): Promise<void> {
    const days = options.retentionDays ?? liveEnv().MODERATO_HISTORY_RETENTION_DAYS;
    const db = await openDb();
    await db.transaction().execute((trx) => pruneHistory(trx, now() - days * DAY_MS));
  }

  return {
    flush,
    prune,
    async start() {
      await closeEndedWhileDown().catch((err: unknown) =>
        log.warn('[moderato] history: could not close sessions that ended while down', err),
      );
      await prune().catch((err: unknown) =>
        log.warn('[moderato] history: pruning old history failed', err),
      );
      retention = setInterval(
        () => {
          void prune().catch((err: unknown) =>
            log.warn('[moderato] history: pruning old history failed', err),
          );
        },
        options.retentionEveryMs ?? 60 * 60 * 1000,
      );
      retention.unref?.();
    },
    async stop() {
      unsubscribe();
      if (retention) clearInterval(retention);
      if (timer) clearTimeout(timer);
      timer = null;
      await flushing;
      // One last attempt, without scheduling retries after it.
      stopped = true;
      failures = 0;
      await flush();
    },
    stats: () => ({ queued: queue.length, dropped, written, failures }),
  };
}

/** The sids of LiveKit's rooms now, or null when LiveKit cannot be asked. */
async function liveKitRoomSids(): Promise<ReadonlySet<string> | null> {
  try {
    return new Set((await listRooms()).map((room) => room.sid));
  } catch {
    return null;
  }
}

/** Started from start.ts: this process records the events it publishes. */
export function startHistoryRecorder(bus: LiveBus): HistoryRecorder {
  return processSingleton('live.historyRecorder', () => {
    const recorder = createHistoryRecorder({ bus });
    void recorder.start();
    return recorder;
  });
}
