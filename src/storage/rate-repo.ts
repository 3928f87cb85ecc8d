import type { BucketState } from '../domain/rate-limit';
import type { SqlClient } from './sql';

interface BucketRow {
  tokens: number;
  updated_ms: number | bigint;
  paused_until_ms: number | bigint;
  calm_until_ms: number | bigint;
  window_start_ms: number | bigint;
  window_requests: number;
  window_throttled: number;
  version: number;
}

export interface StoredBucket {
  state: BucketState;
  version: number;
}

/**
 * The shared state of the rate budget (domain/rate-limit.ts): a token bucket row per tenant and the
 * recent requests per conversation. Kept in the database, not in a process, so that every instance
 * of the app on one database draws on one budget per tenant.
 */
export class RateRepo {
  constructor(private readonly sql: SqlClient) {}

  async bucket(tenantId: string): Promise<StoredBucket | undefined> {
    const r = await this.sql.one<BucketRow>('SELECT * FROM rate_buckets WHERE tenant_id = ?', [tenantId]);
    if (!r) return undefined;
    return {
      state: {
        tokens: Number(r.tokens),
        updatedMs: Number(r.updated_ms),
        pausedUntilMs: Number(r.paused_until_ms),
        calmUntilMs: Number(r.calm_until_ms),
        windowStartMs: Number(r.window_start_ms),
        windowRequests: Number(r.window_requests),
        windowThrottled: Number(r.window_throttled),
      },
      version: Number(r.version),
    };
  }

  /** Creates the tenant's bucket unless another process just did; true when this call created it. */
  async createBucket(tenantId: string, s: BucketState): Promise<boolean> {
    const r = await this.sql.execute(
      `INSERT INTO rate_buckets (tenant_id, tokens, updated_ms, paused_until_ms, calm_until_ms,
         window_start_ms, window_requests, window_throttled, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (tenant_id) DO NOTHING`,
      [
        tenantId,
        s.tokens,
        s.updatedMs,
        s.pausedUntilMs,
        s.calmUntilMs,
        s.windowStartMs,
        s.windowRequests,
        s.windowThrottled,
      ],
    );
    return r.changes === 1;
  }

  /**
   * Writes the bucket only if nobody changed it since it was read (version check): of two processes
   * updating from the same state, one wins and the other reads again.
   */
  async updateBucket(tenantId: string, expectedVersion: number, s: BucketState): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE rate_buckets SET tokens = ?, updated_ms = ?, paused_until_ms = ?, calm_until_ms = ?,
         window_start_ms = ?, window_requests = ?, window_throttled = ?, version = version + 1
       WHERE tenant_id = ? AND version = ?`,
      [
        s.tokens,
        s.updatedMs,
        s.pausedUntilMs,
        s.calmUntilMs,
        s.windowStartMs,
        s.windowRequests,
        s.windowThrottled,
        tenantId,
        expectedVersion,
      ],
    );
    return r.changes === 1;
  }

  /** The conversation's requests since `sinceMs` (ms since the epoch). */
  async sendsSince(conversationId: string, sinceMs: number): Promise<number[]> {
    const rows = await this.sql.query<{ at_ms: number | bigint }>(
      'SELECT at_ms FROM rate_sends WHERE conversation_id = ? AND at_ms > ? ORDER BY at_ms',
      [conversationId, sinceMs],
    );
    return rows.map((r) => Number(r.at_ms));
  }

  async recordSend(conversationId: string, tenantId: string, atMs: number): Promise<void> {
    await this.sql.execute('INSERT INTO rate_sends (conversation_id, tenant_id, at_ms) VALUES (?, ?, ?)', [
      conversationId,
      tenantId,
      atMs,
    ]);
  }

  /** Forgets requests older than every window. Returns how many rows went. */
  async prune(beforeMs: number): Promise<number> {
    return (await this.sql.execute('DELETE FROM rate_sends WHERE at_ms < ?', [beforeMs])).changes;
  }
}
