import 'server-only';

import { type Kysely, sql } from 'kysely';

import type { AuditEventRow, Database } from './schema';

/** An audit row as written, every column but the generated id. */
export type AuditValues = Omit<AuditEventRow, 'id'>;

/** The columns a settlement writes; `params` undefined keeps the row's own. */
export interface AuditOutcomeValues {
  outcome: string;
  error_code: string | null;
  params?: string | null;
}

type Job =
  | {
      kind: 'insert';
      values: AuditValues;
      resolve: (id: number) => void;
      reject: (error: unknown) => void;
    }
  | {
      kind: 'settle';
      id: number;
      set: AuditOutcomeValues;
      resolve: (changed: boolean) => void;
      reject: (error: unknown) => void;
    };

/**
 * At most this many writes go in one transaction: 13 bound values per row stays far below both
 * SQLite's (32,766) and PostgreSQL's (65,535) limit on parameters per statement.
 */
export const MAX_AUDIT_BATCH = 500;

/**
 * A transaction starts at most this often: what arrives in between waits for it and shares its
 * commit. A write after a quiet spell starts at once (after the loop turn it arrived in); under
 * load, SQLite's commits (a WAL append of every index page touched, and a checkpoint now and then)
 * otherwise came one per request, at a cost of several requests' worth of CPU (bench:bulk profile).
 */
export const MIN_COMMIT_GAP_MS = 1;

interface Queue {
  jobs: Job[];
  scheduled: boolean;
  flushing: boolean;
  /** performance.now() when the last transaction started. */
  lastStartMs: number;
}

// On globalThis: Next bundles server actions and route handlers separately, and they must share
// the one queue (lib/live/process-singleton.ts explains the same for the live layer).
const KEY = Symbol.for('moderato.audit.groupCommit');
const queue = ((globalThis as Record<symbol, Queue | undefined>)[KEY] ??= {
  jobs: [],
  scheduled: false,
  flushing: false,
  lastStartMs: -Infinity,
});

/**
 * Group commit of audit writes. Every insert (a write-ahead `pending` row, a refusal) and every
 * settlement that arrives while the loop is busy is written by the next transaction, all of them
 * at once: one multi-row INSERT and one UPDATE, one commit. A bulk mute of a thousand tracks or a
 * busy portal then costs at most one commit per MIN_COMMIT_GAP_MS instead of two per action
 * (bench:bulk and bench:api profiles, docs/ARCHITECTURE.md). Each caller still resolves only once
 * its own row is committed; when a transaction fails, every write in it rejects (an insert's
 * caller then refuses its action, lib/domain/audit.ts). One transaction runs at a time per
 * process; what arrives meanwhile waits for the next one.
 */
export function enqueueAuditWrite(db: () => Promise<Kysely<Database>>, job: Job): void {
  queue.jobs.push(job);
  if (queue.scheduled || queue.flushing) return;
  queue.scheduled = true;
  const start = () => {
    queue.scheduled = false;
    void flush(db);
  };
  const wait = queue.lastStartMs + MIN_COMMIT_GAP_MS - performance.now();
  // At the least after the I/O callbacks of this loop turn: concurrent requests share the batch.
  if (wait > 0) setTimeout(start, wait);
  else setImmediate(start);
}

export function insertInBatch(
  db: () => Promise<Kysely<Database>>,
  values: AuditValues,
): Promise<number> {
  return new Promise((resolve, reject) =>
    enqueueAuditWrite(db, { kind: 'insert', values, resolve, reject }),
  );
}

export function settleInBatch(
  db: () => Promise<Kysely<Database>>,
  id: number,
  set: AuditOutcomeValues,
): Promise<boolean> {
  return new Promise((resolve, reject) =>
    enqueueAuditWrite(db, { kind: 'settle', id, set, resolve, reject }),
  );
}

async function flush(db: () => Promise<Kysely<Database>>): Promise<void> {
  queue.flushing = true;
  try {
    while (queue.jobs.length > 0) {
      queue.lastStartMs = performance.now();
      const batch = takeBatch();
      try {
        await writeBatch(await db(), batch);
      } catch (error) {
        for (const job of batch) job.reject(error);
      }
    }
  } finally {
    queue.flushing = false;
  }
}

/**
 * The next jobs in arrival order, at most MAX_AUDIT_BATCH, and at most one settlement per row: a
 * second settlement of the same row (a background retry) waits for the next transaction, so the
 * first one written still wins, as with one statement each.
 */
function takeBatch(): Job[] {
  const batch: Job[] = [];
  const later: Job[] = [];
  const settling = new Set<number>();
  let i = 0;
  for (; i < queue.jobs.length && batch.length < MAX_AUDIT_BATCH; i++) {
    const job = queue.jobs[i]!;
    if (job.kind === 'settle') {
      if (settling.has(job.id)) {
        later.push(job);
        continue;
      }
      settling.add(job.id);
    }
    batch.push(job);
  }
  queue.jobs = [...later, ...queue.jobs.slice(i)];
  return batch;
}

async function writeBatch(db: Kysely<Database>, batch: Job[]): Promise<void> {
  const inserts = batch.filter((job) => job.kind === 'insert');
  const settles = batch.filter((job) => job.kind === 'settle');
  const { ids, changed } = await db.transaction().execute(async (trx) => {
    let ids: number[] = [];
    if (inserts.length > 0) {
      const rows = await trx
        .insertInto('audit_events')
        .values(inserts.map((job) => job.values))
        .returning('id')
        .execute();
      // Ids come from a counter (SQLite AUTOINCREMENT, a PostgreSQL identity) in the order of the
      // VALUES rows, but RETURNING promises no order: sorted, they line up with the rows again.
      ids = rows.map((row) => Number(row.id)).sort((a, b) => a - b);
    }
    let changed = new Set<number>();
    if (settles.length > 0) {
      const rows = await sql<{ id: number }>`
        update audit_events set
          outcome = v.column2,
          error_code = v.column3,
          params = case when v.column4 = 1 then v.column5 else audit_events.params end
        from (values ${sql.join(
          settles.map(
            ({ id, set }) =>
              sql`(cast(${id} as bigint), cast(${set.outcome} as text), cast(${set.error_code} as text), cast(${set.params !== undefined ? 1 : 0} as integer), cast(${set.params ?? null} as text))`,
          ),
        )}) as v
        where audit_events.id = v.column1 and audit_events.outcome in ('pending', 'unknown')
        returning audit_events.id`.execute(trx);
      changed = new Set(rows.rows.map((row) => Number(row.id)));
    }
    return { ids, changed };
  });
  if (ids.length !== inserts.length) {
    throw new Error(`wrote ${ids.length} audit rows for ${inserts.length} inserts`);
  }
  inserts.forEach((job, index) => job.resolve(ids[index]!));
  for (const job of settles) job.resolve(changed.has(job.id));
}
