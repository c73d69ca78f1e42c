import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';

import { Redis } from 'ioredis';
import pg from 'pg';

import {
  readRun,
  readStaleRun,
  RUN_DIR,
  startInstance,
  startStandin,
  stopProcess,
  stopStaleProcesses,
  writeRun,
  INSTANCE_NAMES,
} from './support/cluster';

/**
 * Creates this run's throw-away PostgreSQL database, starts the stand-in and both instances, and
 * returns the teardown that stops them and drops the database. Needs TEST_POSTGRES_URL (a server
 * where we may create databases) and TEST_REDIS_URL, as the store suites do (.ci/run sets both).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const adminUrl = required('TEST_POSTGRES_URL');
  const redisUrl = required('TEST_REDIS_URL');
  await assertRedisAnswers(redisUrl);

  const stale = readStaleRun();
  if (stale) {
    await stopStaleProcesses(stale);
    await dropDatabase(stale.adminUrl, stale.databaseName);
  }
  rmSync(RUN_DIR, { recursive: true, force: true });

  const databaseName = `moderato_e2e_multi_${Date.now()}_${process.pid}`;
  await withPostgres(adminUrl, (client) => client.query(`CREATE DATABASE ${databaseName}`));
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${databaseName}`;
  writeRun({
    adminUrl,
    databaseName,
    databaseUrl: databaseUrl.toString(),
    redisUrl,
    secret: randomBytes(32).toString('base64url'),
    pids: {},
  });

  const teardown = async () => {
    await stopProcess('standin');
    await Promise.all(INSTANCE_NAMES.map((name) => stopProcess(name)));
    await dropDatabase(readRun().adminUrl, databaseName);
    rmSync(RUN_DIR, { recursive: true, force: true });
  };
  try {
    await startStandin();
    // Both at once on the empty database: their migrations and demo accounts race, as in a
    // deployment whose instances start together.
    await Promise.all(INSTANCE_NAMES.map((name) => startInstance(name)));
  } catch (err) {
    // Logs stay in RUN_DIR for the failure's reader; the processes and database go.
    await stopProcess('standin');
    await Promise.all(INSTANCE_NAMES.map((name) => stopProcess(name)));
    await dropDatabase(adminUrl, databaseName);
    throw err;
  }
  return teardown;
}

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) {
    throw new Error(
      `${name} is not set: the multi-instance suite shares PostgreSQL and Redis between two instances (see scripts/test.sh)`,
    );
  }
  return value;
}

async function assertRedisAnswers(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`TEST_REDIS_URL is set but Redis does not answer: ${String(err)}`);
  } finally {
    redis.disconnect();
  }
}

async function withPostgres<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`TEST_POSTGRES_URL is set but PostgreSQL is unreachable: ${String(err)}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  // Only ever a database this suite named (the name may come from a stale run file).
  if (!/^moderato_e2e_multi_\d+_\d+$/.test(name)) throw new Error(`not ours: ${name}`);
  await withPostgres(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
}
