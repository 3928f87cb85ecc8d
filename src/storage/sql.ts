// The storage port. Repositories speak this small SQL interface only, with `?` placeholders and a
// portable SQL subset (ON CONFLICT, RETURNING, TEXT timestamps in UTC ISO-8601), so that the
// PostgreSQL engine of the roadmap ([6/6]) can implement the same port and run the same contract suite.

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
   * all (roadmap [5/6]). Calls outside the transaction wait until it ends.
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
