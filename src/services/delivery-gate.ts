// Where every request of the sender waits for the tenant's budget (services/rate-limiter.ts), in
// the order of domain/delivery-order.ts: emergencies first, a reserved share for the rest. One
// queue and one pump per tenant in this process; the budget itself is shared through the database,
// so several processes draw on it together. The time source is injected (RateTimer): the real
// clock in production, a virtual one in tests.
import { ShareQueue, type Waiting } from '../domain/delivery-order';
import type { Logger } from '../logger';
import type { TenantBudget } from './rate-limiter';

/** Milliseconds since the epoch, and a way to wait. */
export interface RateTimer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: RateTimer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface GateRequest {
  tenantId: string;
  /** The conversation the request goes to; null when there is none yet (creating it). */
  conversationId: string | null;
  priority: number;
  /** Since when the message has been due (ms): the longest waiting goes first within a class. */
  dueAtMs: number;
}

/** ok: send now. Otherwise the conversation is at one of its limits until `retryAtMs`. */
export type GateResult = { ok: true } | { ok: false; retryAtMs: number };

interface Waiter extends Waiting {
  conversationId: string | null;
  resolve(r: GateResult): void;
  reject(err: unknown): void;
}

export interface GateOptions {
  /** Every n-th grant goes to a lower class while one waits (domain/delivery-order.ts). */
  shareEvery: number;
  /** Shortest sleep between two rounds while the budget is spent (grants then come in small batches). */
  minWakeMs: number;
  /** Most requests granted in one round (one database transaction). */
  maxBatch: number;
  /** How often old conversation requests are pruned. */
  pruneEveryMs: number;
}

export const DEFAULT_GATE_OPTIONS: GateOptions = {
  shareEvery: 10,
  minWakeMs: 10,
  maxBatch: 16,
  pruneEveryMs: 60_000,
};

export class DeliveryGate {
  private readonly tenants = new Map<string, { queue: ShareQueue<Waiter>; pumping: boolean }>();
  private seq = 0;
  private lastPruneMs = 0;

  constructor(
    readonly budget: TenantBudget,
    private readonly timer: RateTimer,
    private readonly logger: Logger,
    private readonly opts: GateOptions = DEFAULT_GATE_OPTIONS,
  ) {}

  /** Waits for a token of the request's tenant (and room in its conversation). */
  acquire(req: GateRequest): Promise<GateResult> {
    const tenant = req.tenantId.toLowerCase();
    let t = this.tenants.get(tenant);
    if (!t) {
      t = { queue: new ShareQueue<Waiter>(this.opts.shareEvery), pumping: false };
      this.tenants.set(tenant, t);
    }
    const entry = t;
    return new Promise<GateResult>((resolve, reject) => {
      entry.queue.push({
        priority: req.priority,
        dueAtMs: req.dueAtMs,
        seq: ++this.seq,
        conversationId: req.conversationId,
        resolve,
        reject,
      });
      if (!entry.pumping) void this.pump(tenant, entry);
    });
  }

  /** Requests waiting in this process (tests, diagnostics). */
  waiting(): number {
    let n = 0;
    for (const t of this.tenants.values()) n += t.queue.size;
    return n;
  }

  /** A 429 from the connector: back-pressure on the whole tenant (see BudgetConfig). */
  async throttled(tenantId: string, retryAfterMs: number | undefined): Promise<void> {
    const until = await this.budget.throttled(tenantId.toLowerCase(), retryAfterMs, this.timer.now());
    if (until !== undefined)
      this.logger.warn(
        { tenantId, pausedMs: until - this.timer.now() },
        'rate budget: tenant paused after 429s',
      );
  }

  /** Requests that went out without waiting (replies in a turn). */
  async debit(tenantId: string, n: number): Promise<void> {
    await this.budget.debit(tenantId.toLowerCase(), n, this.timer.now());
  }

  private async pump(tenant: string, t: { queue: ShareQueue<Waiter>; pumping: boolean }): Promise<void> {
    t.pumping = true;
    // Requests arriving in the same tick are ordered together.
    await Promise.resolve();
    try {
      while (t.queue.size > 0) {
        const now = this.timer.now();
        const batch = t.queue.peek(this.opts.maxBatch);
        let result;
        try {
          result = await this.budget.take(
            tenant,
            batch.map((w) => w.conversationId),
            now,
          );
        } catch (err) {
          // The budget could not be read: every waiter fails its attempt (the sender retries it).
          for (const w of batch) {
            t.queue.remove(w);
            w.reject(err);
          }
          continue;
        }
        let refusedForTenant = false;
        batch.forEach((w, i) => {
          const o = result.outcomes[i];
          if (!o) return;
          if (o.ok) {
            t.queue.grant(w);
            w.resolve({ ok: true });
          } else if (o.reason === 'conversation' && o.retryAtMs > now) {
            t.queue.remove(w);
            w.resolve({ ok: false, retryAtMs: o.retryAtMs });
          } else {
            refusedForTenant = true;
          }
        });
        await this.maybePrune(now);
        if (refusedForTenant && t.queue.size > 0) {
          await this.timer.sleep(Math.max(this.opts.minWakeMs, result.nextAtMs - now));
        }
      }
    } finally {
      t.pumping = false;
    }
  }

  private async maybePrune(now: number): Promise<void> {
    if (now - this.lastPruneMs < this.opts.pruneEveryMs) return;
    this.lastPruneMs = now;
    try {
      await this.budget.prune(now);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'rate budget: pruning failed');
    }
  }
}
