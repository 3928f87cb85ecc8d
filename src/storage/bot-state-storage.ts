import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Clock } from '../domain/clock';
import type { Database, SqlClient } from './sql';

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: eTag conflict for key ${key}`);
    this.name = 'ETagConflictError';
  }
}

/** `?, ?, …` for an IN list of `n` values. */
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

const UPSERT = `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`;

/**
 * The same upsert, applied to an existing row only while its eTag is still the one the writer read.
 * One statement, so the check and the write cannot be split by another writer on any engine: on
 * PostgreSQL the conflicting row is locked and the WHERE is evaluated on its latest committed
 * version; a second writer with the same old eTag finds the new eTag and changes nothing.
 */
const UPSERT_IF_ETAG = `${UPSERT} WHERE bot_state.etag = ?`;

/**
 * botbuilder `Storage` on our database, so teams-ai turn state survives a restart. Same eTag
 * semantics as botbuilder's MemoryStorage: a write with no eTag, an empty one or '*' overwrites; a
 * write for a key not stored yet creates it; a write whose eTag differs from the stored one fails
 * (optimistic concurrency between two turns, also across bot instances on one database). Each key
 * is written by ONE conditional statement (no read-then-write). Timestamps come from the injected
 * clock, the one time source of the bot (12(4)③).
 */
export class SqlBotStorage implements Storage {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const rows = await this.db.query<{ key: string; etag: string; data: string }>(
      `SELECT key, etag, data FROM bot_state WHERE key IN (${marks(keys.length)})`,
      keys,
    );
    for (const row of rows) items[row.key] = { ...(JSON.parse(row.data) as object), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const at = this.clock.now().toISOString();
    const writeOne = async (sql: SqlClient, key: string, value: unknown): Promise<void> => {
      const item = { ...(value as Record<string, unknown>) };
      const eTag = typeof item.eTag === 'string' ? item.eTag : '';
      delete item.eTag;
      const params = [key, randomUUID(), JSON.stringify(item), at];
      if (eTag === '' || eTag === '*') {
        await sql.execute(UPSERT, params);
        return;
      }
      const { changes: written } = await sql.execute(UPSERT_IF_ETAG, [...params, eTag]);
      if (written === 0) throw new ETagConflictError(key);
    };
    if (entries.length === 1) {
      const [key, value] = entries[0]!;
      await writeOne(this.db, key, value);
      return;
    }
    // Several keys commit together or not at all (a conflict on one leaves the others unchanged).
    await this.db.transaction(async (tx) => {
      for (const [key, value] of entries) await writeOne(tx, key, value);
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.execute(`DELETE FROM bot_state WHERE key IN (${marks(keys.length)})`, keys);
  }
}
