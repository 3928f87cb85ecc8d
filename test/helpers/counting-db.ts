// A counting proxy over the storage port: every statement a service sends, inside transactions or
// not, is recorded, so a test can assert that the number of round trips does not grow with the data
// (N+1 queries are cheap in-process on SQLite and slow over a network on PostgreSQL).
import type { Database, SqlClient, SqlValue } from '../../src/storage/sql';
import { openTempDb } from './db';
import { openTempPg, TEST_ON_POSTGRES } from './pg';

export interface StatementLog {
  /** Every statement's SQL text, in the order sent. */
  readonly texts: string[];
  /** SELECT / WITH statements. */
  reads(): number;
  /** Everything else (INSERT, UPDATE, DELETE; transaction control is not a statement of the port). */
  writes(): number;
  reset(): void;
}

const isRead = (sql: string) => /^\s*(SELECT|WITH)\b/i.test(sql);

class CountingClient implements SqlClient {
  constructor(
    protected readonly inner: SqlClient,
    protected readonly texts: string[],
  ) {}
  get engine() {
    return this.inner.engine;
  }
  query<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    this.texts.push(sql);
    return this.inner.query<T>(sql, params);
  }
  one<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    this.texts.push(sql);
    return this.inner.one<T>(sql, params);
  }
  execute(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    this.texts.push(sql);
    return this.inner.execute(sql, params);
  }
}

class CountingDatabase extends CountingClient implements Database {
  constructor(
    private readonly db: Database,
    texts: string[],
  ) {
    super(db, texts);
  }
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new CountingClient(tx, this.texts)));
  }
  ping(): Promise<boolean> {
    return this.db.ping();
  }
  close(): Promise<void> {
    return this.db.close();
  }
}

/** `db` wrapped so that every statement sent through it (and its transactions) is logged. */
export function countingDb(db: Database): { db: Database; log: StatementLog } {
  const texts: string[] = [];
  const log: StatementLog = {
    texts,
    reads: () => texts.filter(isRead).length,
    writes: () => texts.filter((t) => !isRead(t)).length,
    reset: () => void texts.splice(0),
  };
  return { db: new CountingDatabase(db, texts), log };
}

/**
 * A fresh migrated database on the engine the run names: SQLite (a temp file) by default, PostgreSQL
 * with TEST_ENGINE=postgres (a database copied from the migrated template, dropped on close).
 */
export async function openEngineDb(): Promise<Database> {
  if (TEST_ON_POSTGRES) return openTempPg();
  return openTempDb();
}
