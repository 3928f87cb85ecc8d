import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Clock } from '../domain/clock';
import { realTimer, type DeliveryGate, type RateTimer } from '../services/delivery-gate';
import { holdForUnreachable, recordBlocked } from '../services/delivery-service';
import { PollingWorker } from '../services/polling-worker';
import { isRetryableStatus, nextRetry, parseRetryAfter, type RetryPolicy } from '../services/retry-policy';
import type { Logger } from '../logger';
import { isUpdateMessage, OutboxRepo, type OutboxItem, type OutboxMessage } from '../storage/outbox-repo';
import type { Database, SqlClient } from '../storage/sql';
import type { Locale } from './i18n';
import { localeOf, t } from './i18n';
import type { ConversationReacher } from './reach';

/**
 * Renders a stored message for its recipient at send time (from storage, never from the queue).
 * `version` is the case version the card shows, so a change that lands during the send is caught.
 */
export type MessageRenderer = (
  message: OutboxMessage,
  locale: Locale,
) => Promise<{ activity: Partial<Activity>; version?: number } | null>;

/**
 * Called after a successful send with what was posted (e.g. to re-send a card that went stale in
 * flight), inside the transaction that marks the item sent.
 */
export type AfterSend = (
  tx: SqlClient,
  item: OutboxItem,
  activityId: string | undefined,
  renderedVersion: number | undefined,
) => Promise<void>;

/**
 * Step 7 of an attempt (see OutboxSender): one transaction marks the item sent and runs afterSend.
 * `lock` runs first: it takes the rows that afterSend reads to decide a follow-up (the case of a
 * case card), so that a change committing at the same moment is seen by exactly one side. Without it
 * a PostgreSQL transaction (READ COMMITTED) could read the case before a decision commits while the
 * decision reads the outbox before this item is marked sent, and the posted card would stay stale.
 */
export async function commitSent(
  db: Database,
  hooks: { lock?: CommitLock | undefined; afterSend?: AfterSend | undefined },
  sent: {
    item: OutboxItem;
    at: string;
    activityId: string | undefined;
    conversationId: string;
    renderedVersion: number | undefined;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await hooks.lock?.(tx, sent.item);
    await new OutboxRepo(tx).markSent(sent.item.id, sent.at, sent.activityId ?? null, sent.conversationId);
    await hooks.afterSend?.(tx, sent.item, sent.activityId, sent.renderedVersion);
  });
}

/** Locks what afterSend will read for this item (commitSent). */
export type CommitLock = (tx: SqlClient, item: OutboxItem) => Promise<void>;

export interface SenderOptions {
  /** How often the worker looks for due items even without a kick. */
  pollMs: number;
  maxAttempts: number;
  /** Requests in flight at most (each waits for the tenant's budget, then posts). */
  concurrency: number;
  /** How long a claimed item stays invisible to other instances while it is being sent. */
  leaseMs: number;
  /** Backoff base for retries; doubled per attempt with jitter, capped at maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Cap on the connector's Retry-After (a huge one must not park a critical card for years). */
  maxRetryAfterMs: number;
  /** How often a message for an unreachable person is tried again without any other trigger. */
  recheckMs: number;
  /**
   * A conversation at one of Teams' windows for at most this long: the item waits in memory (its
   * recipient's turn); longer (the 30 s and 1 h windows) it goes back to the outbox until then.
   */
  maxParkMs: number;
  /**
   * While only the top priority class is being sent, how often the outbox is asked for the
   * longest-waiting item of a lower class (which then gets its reserved share at the gate).
   */
  lowerLookMs: number;
}

export const DEFAULT_SENDER_OPTIONS: SenderOptions = {
  pollMs: 1000,
  maxAttempts: 8,
  concurrency: 32,
  leaseMs: 60_000,
  backoffMs: 2000,
  maxBackoffMs: 5 * 60_000,
  maxRetryAfterMs: 5 * 60_000,
  recheckMs: 30 * 60_000,
  maxParkMs: 2000,
  lowerLookMs: 250,
};

export interface SendFailure {
  status: number | undefined;
  retryAfterMs: number | undefined;
  message: string;
  /** The request may have reached Teams although no answer came back (connection lost mid-way). */
  ambiguous: boolean;
  /** Teams' code for a recipient who blocked or uninstalled the bot, when the answer says so. */
  blocked: 'MessageWritesBlocked' | 'ConversationBlockedByUser' | undefined;
}

/** Errors raised before a request can have reached the peer: a retry cannot repeat a post. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * The codes with which Teams refuses writes to a person who blocked or uninstalled the bot. The
 * documented answer to a proactive message (Microsoft Learn, "Send proactive messages", section
 * "Understand who blocked, muted, or uninstalled a bot",
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages)
 * is a 403 whose body nests the sub-code in a JSON string:
 *   {"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\", \"details\": \"Thread is blocked from message writes.\", …}"}
 * The status code table of the same documentation lists 403 `{"error":{"code":"ConversationBlockedByUser"}}`
 * ("User blocked the conversation with the bot", not to be retried). Both shapes are read.
 */
const BLOCKED_CODES = ['MessageWritesBlocked', 'ConversationBlockedByUser'] as const;

export function blockedCode(status: number | undefined, body: string | undefined): SendFailure['blocked'] {
  if (status !== 403 || !body) return undefined;
  const codes: unknown[] = [];
  try {
    const json = JSON.parse(body) as { error?: { code?: unknown }; message?: unknown; subCode?: unknown };
    codes.push(json.error?.code, json.subCode);
    if (typeof json.message === 'string' && json.message.trim().startsWith('{'))
      codes.push((JSON.parse(json.message) as { subCode?: unknown }).subCode);
  } catch {
    // Not JSON (or a message that is not): look for the code as a word of the body.
  }
  for (const code of BLOCKED_CODES)
    if (codes.includes(code) || new RegExp(`"${code}"|\\b${code}\\b`).test(body.slice(0, 4000))) return code;
  return undefined;
}

export function describeFailure(err: unknown, nowMs: number): SendFailure {
  const e = err as {
    statusCode?: number;
    status?: number;
    code?: string;
    message?: string;
    retryAfterMs?: number;
    response?: { headers?: { get?: (n: string) => string | undefined }; bodyAsText?: string | null };
  };
  const status = e.statusCode ?? e.status;
  const header = e.response?.headers?.get?.('retry-after');
  const blocked = blockedCode(status, e.response?.bodyAsText ?? undefined);
  return {
    status,
    retryAfterMs: parseRetryAfter(header, nowMs) ?? e.retryAfterMs,
    message: `${status ?? e.code ?? 'error'}${blocked ? ` ${blocked}` : ''}: ${(e.message ?? String(err)).replace(/\s+/g, ' ').slice(0, 200)}`,
    ambiguous: status === undefined && !NEVER_SENT.has(e.code ?? ''),
    blocked,
  };
}

/**
 * The one sending component: every proactive message (routed cards, notifications, reminders,
 * broadcasts) is persisted in the outbox first, in the transaction of the state change, and
 * delivered here with retries. A click handler only enqueues and kicks; it never waits for someone
 * else's delivery.
 *
 * ## Throughput, budget, order
 * Up to `concurrency` items are in flight at once; each request (a post, an update, or creating a
 * conversation) first waits at the DeliveryGate for a token of its tenant's budget — the tenant
 * comes from the reached conversation reference — and for room in its conversation's windows
 * (services/delivery-gate.ts, domain/rate-limit.ts). The budget lives in the database, so every
 * process on one database shares it. The gate grants in the order of domain/delivery-order.ts:
 * emergencies first, a reserved share of every `shareEvery`-th grant for lower classes while they
 * wait. A person gets one message at a time from this process, so their messages keep their order.
 *
 * ## Reaching people
 * The conversation comes from ConversationReacher (reach.ts): the stored reference, or a 1:1
 * conversation created from the person's aadObjectId (installing the app through Graph when
 * needed). When nobody can reach the person yet the item goes to status `waiting`: never dead for
 * this reason, re-checked every `recheckMs`, released at once when the identity guard stores their
 * reference or a service URL for the tenant is learned; the reporter of the case is told at once
 * whom to phone (services/delivery-service.ts).
 *
 * ## Failures
 * 429: the item is retried after the Retry-After (capped at maxRetryAfterMs), else after the
 * jittered exponential backoff, and the whole tenant is slowed (DeliveryGate.throttled). 408, 412
 * and 5xx (Teams names 412, 502, 503, 504) and lost connections: retried the same way. 403 with
 * MessageWritesBlocked / ConversationBlockedByUser: the person blocked or uninstalled the bot — final
 * status `unreachable`, never retried, audited, the reporter told whom to phone. Any other 4xx:
 * `dead` with the answer as the reason; so is giving up after maxAttempts. Every final state keeps
 * its reason in last_error.
 *
 * ## One attempt, and what a crash leaves
 *   1. claim      next_attempt_at := now + lease, claimed_by := this instance (compare-and-set)
 *   2. reach      find or create the conversation (no message posted yet)
 *   3. budget     wait for a token of the tenant and room in the conversation (nothing written)
 *   4. render     the card from storage, as it is now
 *   5. in flight  send_started_at := now — from here on the connector may have the message
 *   6. send       POST (new message) or PUT (update of a posted card) to the connector
 *   7. commit     one transaction: status 'sent', activity id, and afterSend's follow-up
 * A crash before 5 repeats nothing: the item is simply sent later. A crash between 5 and 7 is the
 * window that remains: the connector may have accepted the POST (Teams shows it) while the commit
 * never happened, so the item is sent again — at most one extra copy per item in flight at the
 * crash, i.e. at most `concurrency` copies, in practice the requests on the wire (rate × round
 * trip; measured by the benchmark, test/bench). The Bot Framework has no idempotency key for posts,
 * and the bot cannot read the chat back (that would need Graph's Chat.Read.All on every chat), so
 * the window cannot be closed from this side; it is kept to the connector's round trip (nothing
 * else runs between 5 and 7, the commit is one local SQLite transaction). The repeat carries
 * 「（再送）」 and a line saying an earlier copy may have arrived, because that is exactly what is
 * known. PUT updates are idempotent: repeating one is harmless and unmarked. The same marker is used
 * when a request failed with a lost connection (no status: it may have arrived); botbuilder's own
 * HTTP retries are switched off for these sends (withoutSdkRetries), since they would repeat such a
 * post silently.
 *
 * A restarted process with the same instance id (config INSTANCE_ID, by default host + data
 * folder) takes over its own claims at once (recover) — all of them, however many were in flight —
 * instead of waiting out the lease; claims of other instances keep their lease, since that process
 * may still be sending.
 */
export class OutboxSender extends PollingWorker {
  private readonly policy: RetryPolicy;
  private lastLowerLookMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      logger: Logger;
      adapter: CloudAdapter;
      appId: string;
      render: MessageRenderer;
      reacher: ConversationReacher;
      /** The tenant's rate budget and the order of grants. */
      gate: DeliveryGate;
      /** Real (or, in tests, virtual) time for waiting on the budget; default the system clock. */
      timer?: RateTimer;
      /** Recorded on every claim; see recover(). */
      instanceId: string;
      afterSend?: AfterSend;
      /** Taken first in the transaction that marks an item sent (commitSent). */
      commitLock?: CommitLock;
      /** For tests: the jitter source (default Math.random). */
      random?: () => number;
    },
    private readonly opts: SenderOptions = DEFAULT_SENDER_OPTIONS,
  ) {
    super({ logger: deps.logger, pollMs: opts.pollMs, name: 'outbox' });
    this.policy = {
      maxAttempts: opts.maxAttempts,
      baseMs: opts.backoffMs,
      maxBackoffMs: opts.maxBackoffMs,
      maxRetryAfterMs: opts.maxRetryAfterMs,
    };
  }

  private get rateTimer(): RateTimer {
    return this.deps.timer ?? realTimer;
  }

  /**
   * At start-up, before the first drain: items this instance had claimed when it stopped are due
   * at once (those whose request had left are marked as possible repeats). Returns how many.
   */
  async recover(): Promise<number> {
    const n = await new OutboxRepo(this.deps.db).recoverClaims(
      this.deps.instanceId,
      this.deps.clock.now().toISOString(),
    );
    if (n > 0)
      this.deps.logger.warn({ items: n, instanceId: this.deps.instanceId }, 'outbox claims taken over');
    return n;
  }

  /**
   * Sends every due item once, up to `concurrency` at a time, until nothing is due; returns how many
   * were sent. Exposed for tests and benchmarks. After stop() it takes nothing new and returns when
   * what it started has finished.
   */
  override async drain(): Promise<number> {
    let sent = 0;
    /** By recipient: one message at a time per person. */
    const running = new Map<string, { priority: number; done: Promise<void> }>();
    const start = (item: OutboxItem) => {
      const done = this.deliver(item)
        .then(
          (ok) => {
            if (ok) sent += 1;
          },
          (err: unknown) =>
            this.deps.logger.error(
              { outboxId: item.id, err: (err as Error).message },
              'outbox attempt failed',
            ),
        )
        .finally(() => running.delete(item.toAad));
      running.set(item.toAad, { priority: item.priority, done });
    };
    while (!this.stopping) {
      const free = this.opts.concurrency - running.size;
      let started = 0;
      // Refill in batches (a quarter of the slots at a time): fewer reads of the outbox per send.
      if (free > 0 && (free >= Math.ceil(this.opts.concurrency / 4) || running.size === 0)) {
        const now = this.deps.clock.now();
        const priorities = [...running.values()].map((r) => r.priority);
        const lowerRunning = priorities.some((p) => p > Math.min(...priorities));
        const look = !lowerRunning && this.rateTimer.now() - this.lastLowerLookMs >= this.opts.lowerLookMs;
        if (look) this.lastLowerLookMs = this.rateTimer.now();
        const outbox = new OutboxRepo(this.deps.db);
        const batch = await outbox.pick(now.toISOString(), free, [...running.keys()], {
          lowerClass: look,
          waiting: look || running.size === 0,
        });
        const lease = new Date(now.getTime() + this.opts.leaseMs).toISOString();
        for (const item of batch) {
          if (running.has(item.toAad)) continue;
          if (!(await outbox.claim(item.id, item.nextAttemptAt, lease, this.deps.instanceId))) continue;
          started += 1;
          start(item);
        }
      }
      if (started > 0) continue;
      // Nothing more to take now (or everything due was taken by another worker): wait for ours.
      if (running.size === 0) return sent;
      await Promise.race([...running.values()].map((r) => r.done));
    }
    await Promise.all([...running.values()].map((r) => r.done));
    return sent;
  }

  private async deliver(item: OutboxItem): Promise<boolean> {
    const { db, clock, logger } = this.deps;
    const outbox = new OutboxRepo(db);
    const urgency = { priority: item.priority, dueAtMs: Date.parse(item.nextAttemptAt) };
    let reached: Awaited<ReturnType<ConversationReacher['reach']>>;
    try {
      reached = await this.deps.reacher.reach(item.toAad, urgency);
    } catch (err) {
      return this.fail(item, describeFailure(err, clock.now().getTime()), true);
    }
    if (reached.kind === 'unreachable') return this.wait(item, reached.reason);
    const ref = reached.ref;
    const locale = localeOf(ref.locale ?? undefined);
    const isUpdate = isUpdateMessage(item.message);
    const conversationId = isUpdateMessage(item.message) ? item.message.conversationId : ref.conversationId;
    // Whether the message may have reached Teams when something fails (see the header).
    let phase: 'preparing' | 'sending' | 'sent' = 'preparing';
    try {
      for (;;) {
        const g = await this.deps.gate.acquire({ tenantId: ref.tenantId, conversationId, ...urgency });
        if (g.ok) break;
        const waitMs = g.retryAtMs - this.rateTimer.now();
        if (waitMs > this.opts.maxParkMs) {
          // The conversation's 30 s or 1 h window is full: back to the outbox until it has room.
          await outbox.defer(item.id, new Date(clock.now().getTime() + waitMs).toISOString());
          logger.info({ outboxId: item.id, waitMs }, 'outbox deferred: conversation at its Teams limit');
          return false;
        }
        await this.rateTimer.sleep(Math.max(1, waitMs));
      }
      const rendered = await this.deps.render(item.message, locale);
      if (!rendered) {
        await outbox.markDead(
          item.id,
          'nothing to render: the message refers to something that no longer exists',
        );
        return false;
      }
      const activity =
        item.resend && !isUpdate ? withResendNotice(rendered.activity, locale) : rendered.activity;
      await outbox.markInFlight(item.id, clock.now().toISOString());
      phase = 'sending';
      let activityId: string | undefined;
      await this.deps.adapter.continueConversationAsync(
        this.deps.appId,
        ref.reference as Partial<ConversationReference>,
        async (ctx) => {
          if (!withoutSdkRetries(ctx))
            logger.warn({ outboxId: item.id }, 'outbox: SDK retries could not be disabled');
          if (isUpdateMessage(item.message)) {
            // Replace the card posted earlier, so no stale buttons stay anywhere.
            await ctx.updateActivity({ ...activity, type: 'message', id: item.message.activityId });
            activityId = item.message.activityId;
          } else {
            const r = await ctx.sendActivity(activity);
            activityId = r?.id;
          }
        },
      );
      phase = 'sent';
      await commitSent(
        db,
        { lock: this.deps.commitLock, afterSend: this.deps.afterSend },
        {
          item,
          at: clock.now().toISOString(),
          activityId,
          conversationId: ref.conversationId,
          renderedVersion: rendered.version,
        },
      );
      logger.debug(
        { outboxId: item.id, caseId: item.caseId, type: item.message.type, resend: item.resend },
        'outbox sent',
      );
      return true;
    } catch (err) {
      const f = describeFailure(err, clock.now().getTime());
      if (f.status === 429)
        await this.deps.gate.throttled(ref.tenantId, f.retryAfterMs).catch(() => undefined);
      // Nothing left before 'sending'; after 'sent' Teams has it although the commit failed.
      const ambiguous = phase === 'sent' || (phase === 'sending' && f.ambiguous);
      return this.fail(item, { ...f, ambiguous }, false);
    }
  }

  /** Nobody can reach the person yet: the item waits; see holdForUnreachable. */
  private async wait(item: OutboxItem, reason: string): Promise<false> {
    const { db, clock, logger } = this.deps;
    const recheckAt = new Date(clock.now().getTime() + this.opts.recheckMs).toISOString();
    const r = await holdForUnreachable(db, clock, item, reason, recheckAt);
    logger.warn(
      { outboxId: item.id, caseId: item.caseId, released: r.released, notified: r.notified, reason },
      'outbox waiting: recipient unreachable',
    );
    return false;
  }

  /**
   * A failed attempt: final when Teams says so, else retried by the shared policy. While still
   * trying to reach the person (`reaching`), giving up means waiting, never dead: they may become
   * reachable later.
   */
  private async fail(item: OutboxItem, f: SendFailure, reaching: boolean): Promise<false> {
    const { db, clock, logger } = this.deps;
    const outbox = new OutboxRepo(db);
    const attempts = item.attempts + 1;
    if (f.blocked && !reaching) {
      const reason = `${f.message} (the recipient blocked or uninstalled the bot)`;
      const r = await recordBlocked(db, clock, item, reason);
      logger.warn(
        { outboxId: item.id, caseId: item.caseId, notified: r.notified },
        'outbox: recipient blocked the bot',
      );
      return false;
    }
    const decision = !isRetryableStatus(f.status)
      ? ({ retry: false } as const)
      : nextRetry(this.policy, attempts, f.retryAfterMs, this.deps.random ?? Math.random);
    if (!decision.retry) {
      if (reaching) return this.wait(item, `could not create the conversation: ${f.message}`);
      const reason = isRetryableStatus(f.status)
        ? `gave up after ${attempts} attempts: ${f.message}`
        : f.message;
      await outbox.markDead(item.id, reason);
      logger.error({ outboxId: item.id, caseId: item.caseId, attempts, status: f.status }, 'outbox gave up');
      return false;
    }
    const next = new Date(clock.now().getTime() + decision.delayMs).toISOString();
    await outbox.markRetry(item.id, next, f.message, f.ambiguous && !reaching);
    logger.warn(
      {
        outboxId: item.id,
        attempts,
        status: f.status,
        delayMs: decision.delayMs,
        error: f.message.slice(0, 200),
      },
      'outbox retry scheduled',
    );
    return false;
  }
}

/**
 * botbuilder's HTTP pipeline retries a failed request by itself (up to 3 times: 408, 5xx, 429 with
 * Retry-After, and connection errors). Retrying a POST after the connection was cut repeats a
 * message Teams may already have — unmarked, uncounted and outside the shared retry policy. So the
 * outbox is the only retrier of its sends: the pipeline's retry policy is removed from the
 * connector client of this proactive turn. False when the client does not have the expected shape
 * (a botbuilder upgrade); the sender test that cuts a connection catches that.
 */
function withoutSdkRetries(ctx: TurnContext): boolean {
  const connector = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as
    { client?: { pipeline?: { removePolicy(policy: { name: string }): unknown } } } | undefined;
  const pipeline = connector?.client?.pipeline;
  if (!pipeline) return false;
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  return true;
}

/** A possible repeat says so: 「（再送）…」 above the card, or before the text. */
function withResendNotice(activity: Partial<Activity>, locale: Locale): Partial<Activity> {
  const notice = t(locale, 'delivery.resendNotice');
  return { ...activity, text: activity.text ? `${notice}\n\n${activity.text}` : notice };
}
