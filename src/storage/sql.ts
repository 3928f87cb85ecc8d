// The storage port. Repositories speak this small SQL interface only, with `?` placeholders and a
// portable SQL subset (ON CONFLICT, RETURNING, TEXT timestamps in UTC ISO-8601), so that SQLite
// (embedded, one connection) and PostgreSQL (a pool, several bot instances) implement the same port
// and run the same contract suite.

export type SqlValue = string | number | bigint | null | Buffer;

export interface SqlClient {
  readonly engine: 'sqlite' | 'postgres';
  query<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  one<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  execute(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

export interface Database extends SqlClient {
  /**
   * Runs `fn` in one transaction: every state change and its audit event commit together or not at
   * all (roadmap [5/6]). Other callers see its writes only once it has committed.
   *
   * Nothing more is promised about calls made outside it: on a pool they run at the same time as the
   * transaction, on another connection (or in another bot instance), and see only committed data.
   * So a caller never reads with `db.*` and then writes on what it read: the read goes inside the
   * transaction that writes, and a decision that two writers may race for is one conditional
   * statement (`UPDATE … WHERE version = ?`, `INSERT … ON CONFLICT … DO NOTHING`, `changes` / RETURNING
   * telling the loser) or starts with one (the audit head claim). A single statement outside a
   * transaction is atomic on its own.
   */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query (used by /healthz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * `column` ordered (and compared) by code point on both engines. SQLite compares text with BINARY:
 * UTF-8 bytes, i.e. code points. PostgreSQL uses the database's default collation unless told
 * otherwise, and managed servers default to en_US (case-insensitive first, punctuation weighed
 * apart), so ORDER BY on a free text key (codes, ids, kinds) would differ between engines and
 * between servers; "C" is UTF-8 byte order there too. Fixed-format keys (ISO timestamps, readable
 * ids like INC-2026-0001) order the same under any collation and need no such clause.
 */
export function byCodePoint(engine: SqlClient['engine'], column: string): string {
  return engine === 'postgres' ? `${column} COLLATE "C"` : column;
}
