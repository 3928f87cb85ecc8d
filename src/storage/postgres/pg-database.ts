// PostgreSQL engine (scale-out, issue 11): the same storage port as SQLite over a `pg` pool, so
// several bot processes can share one database. Repositories keep writing `?` placeholders; they are
// numbered here ($1, $2, …) outside string literals and quoted identifiers.
import pg from 'pg';
import type { Database, SqlClient, SqlValue } from '../sql';
import { MIGRATIONS, postgresDdl, type Migration } from '../migrations';

/** `?` → `$n`, leaving '…', "…" and -- comments alone (the repositories' SQL has no other quoting). */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '?') {
      n += 1;
      out += `$${n}`;
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/**
 * Counts and sums come back as int8 / numeric, which `pg` gives as strings by default; the
 * repositories expect numbers as SQLite gives them (every count and id here is far below 2^53).
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

type Queryable = pg.Pool | pg.PoolClient;

const texts = new Map<string, string>();
function translate(sql: string): string {
  let t = texts.get(sql);
  if (t === undefined) {
    t = numberPlaceholders(sql);
    if (texts.size < 1000) texts.set(sql, t);
  }
  return t;
}

const values = (params: readonly SqlValue[]): unknown[] =>
  params.map((p) => (typeof p === 'bigint' ? p.toString() : p));

class PgClient implements SqlClient {
  readonly engine = 'postgres' as const;
  constructor(protected readonly q: Queryable) {}

  async query<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const r = await this.q.query(translate(sql), values(params));
    return r.rows as T[];
  }
  async one<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.query<T>(sql, params))[0];
  }
  async execute(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    const r = await this.q.query(translate(sql), values(params));
    return { changes: r.rowCount ?? 0 };
  }
}

/** Serialises concurrent schema migrations of several processes starting at once. */
const MIGRATION_LOCK = 7_130_011;

export class PgDatabase extends PgClient implements Database {
  private constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  static async open(
    url: string,
    opts: { max?: number; migrations?: readonly Migration[] } = {},
  ): Promise<PgDatabase> {
    const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => undefined);
    const db = new PgDatabase(pool);
    try {
      await db.migrate(opts.migrations ?? MIGRATIONS);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return db;
  }

  private async migrate(migrations: readonly Migration[]): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      // Only when missing: CREATE TABLE IF NOT EXISTS still needs CREATE on the schema, which the
      // app role of infra/postgres/roles.sql lacks. A start-up with every migration applied (by the
      // owner) then runs no DDL at all; one with a migration pending fails closed.
      const table = await c.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
      if (table.rows[0]?.t == null) {
        await c.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
        );
      }
      const done = new Set(
        (await c.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id),
      );
      for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
        if (done.has(m.id)) continue;
        await c.query('BEGIN');
        try {
          await c.query(postgresDdl(m));
          await c.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [
            m.id,
            m.name,
            new Date().toISOString(),
          ]);
          await c.query('COMMIT');
        } catch (err) {
          await c.query('ROLLBACK');
          throw new Error(`migration ${m.id} (${m.name}) failed on PostgreSQL: ${(err as Error).message}`);
        }
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      c.release();
    }
  }

  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await fn(new PgClient(c));
      await c.query('COMMIT');
      return result;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  async ping(): Promise<boolean> {
    try {
      const r = await this.one<{ ok: number }>('SELECT 1 AS ok');
      return r?.ok === 1;
    } catch {
      return false;
    }
  }

  private closing: Promise<void> | undefined;

  /** Ends the pool once; closing again (a bot stopped twice) waits for the first close. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
