import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connect } from './connect';
import { testStores, type TestStore } from './test-stores';

// Only where PostgreSQL is given (TEST_POSTGRES_URL); SQLite has no connections to lose.
describe.each(testStores().filter(({ kind }) => kind === 'postgres'))(
  'connect ($kind)',
  ({ store: makeStore }) => {
    let store: TestStore;
    let url: string;
    beforeAll(async () => {
      store = makeStore();
      const target = await store.create();
      if (target.kind !== 'postgres') throw new Error('expected a PostgreSQL target');
      url = target.url;
    });
    afterAll(async () => {
      await store?.destroy();
    });

    it('survives the server ending an idle connection, and reconnects for the next query', async () => {
      const db = connect({ kind: 'postgres', url });
      try {
        const pid = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db);
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
          await admin.query('SELECT pg_terminate_backend($1)', [pid.rows[0]!.pid]);
        } finally {
          await admin.end();
        }
        // Without the pool's error listener, the terminated idle connection crashes the process
        // (vitest reports it as an uncaught exception and the run fails).
        await expect
          .poll(async () => (await sql<{ one: number }>`SELECT 1 AS one`.execute(db)).rows[0]?.one)
          .toBe(1);
      } finally {
        await db.destroy();
      }
    });
  },
);
