import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Clock } from '../domain/clock';
import type { Database } from './sql';

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: eTag conflict for key ${key}`);
    this.name = 'ETagConflictError';
  }
}

/**
 * botbuilder `Storage` on our database, so teams-ai turn state survives a restart. Same eTag
 * semantics as botbuilder's MemoryStorage: a write with no eTag or '*' overwrites; a write whose
 * eTag differs from the stored one fails (optimistic concurrency between two turns). Timestamps come
 * from the injected clock, the one time source of the bot (12(4)③).
 */
export class SqlBotStorage implements Storage {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = await this.db.one<{ etag: string; data: string }>(
        'SELECT etag, data FROM bot_state WHERE key = ?',
        [key],
      );
      if (row) items[key] = { ...(JSON.parse(row.data) as object), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const [key, value] of Object.entries(changes)) {
        const item = { ...(value as Record<string, unknown>) };
        const eTag = typeof item.eTag === 'string' ? item.eTag : undefined;
        delete item.eTag;
        const current = await tx.one<{ etag: string }>('SELECT etag FROM bot_state WHERE key = ?', [key]);
        if (current && eTag !== undefined && eTag !== '*' && eTag !== current.etag) {
          throw new ETagConflictError(key);
        }
        const next = randomUUID();
        await tx.execute(
          `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
          [key, next, JSON.stringify(item), this.clock.now().toISOString()],
        );
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const key of keys) await tx.execute('DELETE FROM bot_state WHERE key = ?', [key]);
    });
  }
}
