import 'server-only';

import { Mutex } from 'async-mutex';
import {
  SqliteDialect,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely's SQLite dialect with its one connection handed out in turn, one waiter woken per release.
 * Kysely's own driver makes every waiter await the same promise and check again when it settles
 * (its `ConnectionMutex`), so with N statements waiting each release wakes all N: N² resumptions
 * for a queue that drains. A burst makes such queues — a thousand participants found at once bring
 * a ban, lock and restriction lookup each while the history transaction holds the connection —
 * and the herd cost next-server seconds of CPU (bench:bulk profile: `lock` and async_hooks `init`
 * were a third of its time). async-mutex keeps the waiters in a FIFO queue. Kysely's driver still
 * runs the statements; its own mutex, only ever taken by the holder of this one, never waits.
 */
export class QueuedSqliteDialect implements Dialect {
  private readonly dialect: SqliteDialect;

  constructor(config: SqliteDialectConfig) {
    this.dialect = new SqliteDialect(config);
  }

  createDriver(): Driver {
    return new QueuedDriver(this.dialect.createDriver());
  }

  createQueryCompiler() {
    return this.dialect.createQueryCompiler();
  }

  createAdapter() {
    return this.dialect.createAdapter();
  }

  createIntrospector(...args: Parameters<SqliteDialect['createIntrospector']>) {
    return this.dialect.createIntrospector(...args);
  }
}

class QueuedDriver implements Driver {
  private readonly turn = new Mutex();
  private releaseTurn: (() => void) | null = null;

  // Savepoints exactly as far as the wrapped driver has them: Kysely asks whether they exist.
  readonly savepoint: Driver['savepoint'];
  readonly rollbackToSavepoint: Driver['rollbackToSavepoint'];
  readonly releaseSavepoint: Driver['releaseSavepoint'];

  constructor(private readonly driver: Driver) {
    this.savepoint = driver.savepoint?.bind(driver);
    this.rollbackToSavepoint = driver.rollbackToSavepoint?.bind(driver);
    this.releaseSavepoint = driver.releaseSavepoint?.bind(driver);
  }

  init(): Promise<void> {
    return this.driver.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.turn.acquire();
    try {
      const connection = await this.driver.acquireConnection();
      this.releaseTurn = release;
      return connection;
    } catch (err) {
      release();
      throw err;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.driver.releaseConnection(connection);
    } finally {
      const release = this.releaseTurn;
      this.releaseTurn = null;
      release?.();
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.driver.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.driver.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.driver.rollbackTransaction(connection);
  }

  destroy(): Promise<void> {
    return this.driver.destroy();
  }
}
