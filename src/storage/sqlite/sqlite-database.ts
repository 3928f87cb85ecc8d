import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, SqlClient, SqlValue } from '../sql';
import { MIGRATIONS, type Migration } from '../migrations';

type Raw = BetterSqlite3.Database;

/** Prepared statements per connection, by SQL text (the repositories use a small set of texts). */
const STATEMENT_CACHE_SIZE = 500;
const statements = new WeakMap<Raw, Map<string, BetterSqlite3.Statement>>();

function prepared(raw: Raw, sql: string): BetterSqlite3.Statement {
  let cache = statements.get(raw);
  if (!cache) {
    cache = new Map();
    statements.set(raw, cache);
  }
  let st = cache.get(sql);
  if (!st) {
    st = raw.prepare(sql);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(sql, st);
  }
  return st;
}

class SqliteClient implements SqlClient {
  readonly engine = 'sqlite' as const;
  constructor(protected readonly raw: Raw) {}

  async query<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return prepared(this.raw, sql).all(...params) as T[];
  }
  async one<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return prepared(this.raw, sql).get(...params) as T | undefined;
  }
  async execute(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    const r = prepared(this.raw, sql).run(...params);
    return { changes: r.changes };
  }
}

/**
 * SQLite engine (embedded default): one connection, WAL, foreign keys on. better-sqlite3 is
 * synchronous, so a transaction spanning awaits is guarded by an in-process queue: while one runs,
 * every other call of this process waits, and no statement of another turn can slip into it (on one
 * connection it would otherwise run inside the open transaction). That waiting is this engine's way
 * of sharing one connection, not a promise of the port (sql.ts): callers must be correct without it,
 * as they are on PostgreSQL's pool.
 */
export class SqliteDatabase extends SqliteClient implements Database {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(raw: Raw) {
    super(raw);
  }

  static open(file: string, migrations: readonly Migration[] = MIGRATIONS): SqliteDatabase {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const raw = new BetterSqlite3(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    raw.pragma('synchronous = NORMAL');
    const db = new SqliteDatabase(raw);
    db.migrate(migrations);
    return db;
  }

  private migrate(migrations: readonly Migration[]): void {
    this.raw.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      (this.raw.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => r.id),
    );
    for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(m.id)) continue;
      this.raw.transaction(() => {
        this.raw.exec(m.sqlite);
        m.data?.({
          all: <T>(sql: string, params: readonly unknown[] = []) =>
            this.raw.prepare(sql).all(...params) as T[],
          run: (sql, params = []) => void this.raw.prepare(sql).run(...params),
        });
        if (m.sqliteAfter) this.raw.exec(m.sqliteAfter);
        this.raw
          .prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)')
          .run(m.id, m.name, new Date().toISOString());
      })();
    }
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  override query<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.exclusive(() => super.query<T>(sql, params));
  }
  override one<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.exclusive(() => super.one<T>(sql, params));
  }
  override execute(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return this.exclusive(() => super.execute(sql, params));
  }

  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.raw.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteClient(this.raw));
        this.raw.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async ping(): Promise<boolean> {
    try {
      const r = await this.one<{ ok: number }>('SELECT 1 AS ok');
      return r?.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      if (this.raw.open) this.raw.close();
    });
  }
}
