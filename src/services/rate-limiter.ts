// The tenant's rate budget, shared by every process on one database: the pure rules of
// domain/rate-limit.ts applied to the state in storage/rate-repo.ts, each change in one transaction
// with a version check on the tenant's bucket row (a concurrent change by another process makes this
// one read again and retry). Times are milliseconds from the caller's clock (injected in tests).
import {
  CONVERSATION_HORIZON_MS,
  conversationDelayMs,
  debit,
  fullBucket,
  nextTokenAtMs,
  take,
  throttled,
  type BudgetConfig,
  type BucketState,
} from '../domain/rate-limit';
import { RateRepo } from '../storage/rate-repo';
import type { Database, SqlClient } from '../storage/sql';

export type TakeOutcome =
  | { ok: true }
  /** `reason` conversation: this conversation is at a limit; tenant: the budget is spent for now. */
  | { ok: false; reason: 'conversation' | 'tenant'; retryAtMs: number };

export interface TakeResult {
  outcomes: TakeOutcome[];
  /** When the next token is there (the time to come back for the requests refused for the tenant). */
  nextAtMs: number;
}

class VersionConflict extends Error {}

const ATTEMPTS = 5;

export class TenantBudget {
  constructor(
    private readonly db: Database,
    readonly cfg: BudgetConfig,
  ) {}

  /**
   * One request each, in the given order, to the given conversations (null: a request not bound to
   * a conversation yet, e.g. creating one): each is either granted now — its token taken and the
   * request recorded for its conversation's windows — or refused with when to come back. A refused
   * conversation does not stop the ones after it; once the tokens are spent the rest are refused
   * without looking at their conversations.
   */
  async take(
    tenantId: string,
    conversations: ReadonlyArray<string | null>,
    nowMs: number,
  ): Promise<TakeResult> {
    return this.withBucket(tenantId, nowMs, async (tx, state) => {
      const repo = new RateRepo(tx);
      let s = state;
      const outcomes: TakeOutcome[] = [];
      const recorded: string[] = [];
      for (const conversationId of conversations) {
        const peek = take(s, this.cfg, nowMs, 1);
        if (peek.granted === 0) {
          outcomes.push({ ok: false, reason: 'tenant', retryAtMs: peek.nextAtMs });
          continue;
        }
        if (conversationId !== null) {
          const sends = await repo.sendsSince(conversationId, nowMs - CONVERSATION_HORIZON_MS);
          const delay = conversationDelayMs(sends, nowMs);
          if (delay > 0) {
            outcomes.push({ ok: false, reason: 'conversation', retryAtMs: nowMs + delay });
            continue;
          }
          // A second request to the same conversation in this batch waits for the next round.
          if (recorded.includes(conversationId)) {
            outcomes.push({ ok: false, reason: 'conversation', retryAtMs: nowMs });
            continue;
          }
          recorded.push(conversationId);
          await repo.recordSend(conversationId, tenantId, nowMs);
        }
        s = peek.state;
        outcomes.push({ ok: true });
      }
      return { state: s, result: { outcomes, nextAtMs: nextTokenAtMs(s, this.cfg, nowMs) } };
    });
  }

  /** Requests that already went out without waiting (replies within a turn): debited now. */
  async debit(tenantId: string, n: number, nowMs: number): Promise<void> {
    await this.withBucket(tenantId, nowMs, async (_tx, s) => ({
      state: debit(s, this.cfg, nowMs, n),
      result: undefined,
    }));
  }

  /** A 429 for the tenant (back-pressure, see BudgetConfig). Returns until when it pauses, if it does. */
  async throttled(
    tenantId: string,
    retryAfterMs: number | undefined,
    nowMs: number,
  ): Promise<number | undefined> {
    return this.withBucket(tenantId, nowMs, async (_tx, s) => {
      const r = throttled(s, this.cfg, nowMs, retryAfterMs);
      return { state: r.state, result: r.pausedUntilMs };
    });
  }

  /** The bucket as stored (tests, diagnostics). */
  async state(tenantId: string): Promise<BucketState | undefined> {
    return (await new RateRepo(this.db).bucket(tenantId))?.state;
  }

  /** Forgets conversation requests older than every window. */
  async prune(nowMs: number): Promise<number> {
    return new RateRepo(this.db).prune(nowMs - CONVERSATION_HORIZON_MS);
  }

  private async withBucket<R>(
    tenantId: string,
    nowMs: number,
    fn: (tx: SqlClient, s: BucketState) => Promise<{ state: BucketState; result: R }>,
  ): Promise<R> {
    const tenant = tenantId.toLowerCase();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (tx) => {
          const repo = new RateRepo(tx);
          let stored = await repo.bucket(tenant);
          if (!stored) {
            await repo.createBucket(tenant, fullBucket(this.cfg, nowMs));
            stored = await repo.bucket(tenant);
            if (!stored) throw new VersionConflict();
          }
          const { state, result } = await fn(tx, stored.state);
          if (!(await repo.updateBucket(tenant, stored.version, state))) throw new VersionConflict();
          return result;
        });
      } catch (err) {
        if (!(err instanceof VersionConflict) || attempt >= ATTEMPTS) throw err;
      }
    }
  }
}
