import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Clock } from '../domain/clock';
import { holdForUnreachable } from '../services/delivery-service';
import { PollingWorker } from '../services/polling-worker';
import { nextRetry, parseRetryAfter, type RetryPolicy } from '../services/retry-policy';
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

export interface SenderOptions {
  /** How often the worker looks for due items even without a kick. */
  pollMs: number;
  maxAttempts: number;
  batch: number;
  /** How long a claimed item stays invisible to other instances while it is being sent. */
  leaseMs: number;
  /** Backoff base for retries; doubled per attempt with jitter, capped at maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Cap on the connector's Retry-After (a huge one must not park a critical card for years). */
  maxRetryAfterMs: number;
  /** How often a message for an unreachable person is tried again without any other trigger. */
  recheckMs: number;
}

export const DEFAULT_SENDER_OPTIONS: SenderOptions = {
  pollMs: 1000,
  maxAttempts: 8,
  batch: 20,
  leaseMs: 60_000,
  backoffMs: 2000,
  maxBackoffMs: 5 * 60_000,
  maxRetryAfterMs: 5 * 60_000,
  recheckMs: 30 * 60_000,
};

interface SendFailure {
  status: number | undefined;
  retryAfterMs: number | undefined;
  message: string;
  /** The request may have reached Teams although no answer came back (connection lost mid-way). */
  ambiguous: boolean;
}

/** Errors raised before a request can have reached the peer: a retry cannot repeat a post. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function describeFailure(err: unknown, nowMs: number): SendFailure {
  const e = err as {
    statusCode?: number;
    status?: number;
    code?: string;
    message?: string;
    retryAfterMs?: number;
    response?: { headers?: { get?: (n: string) => string | undefined } };
  };
  const status = e.statusCode ?? e.status;
  const header = e.response?.headers?.get?.('retry-after');
  return {
    status,
    retryAfterMs: parseRetryAfter(header, nowMs) ?? e.retryAfterMs,
    message: `${status ?? e.code ?? 'error'}: ${(e.message ?? String(err)).slice(0, 200)}`,
    ambiguous: status === undefined && !NEVER_SENT.has(e.code ?? ''),
  };
}

/** 403 (bot blocked, MessageWritesBlocked) and other 4xx will not heal by retrying; 412/429 do. */
function isPermanent(f: SendFailure): boolean {
  if (f.status === undefined) return false;
  if (f.status === 408 || f.status === 412 || f.status === 429) return false;
  return f.status >= 400 && f.status < 500;
}

/**
 * The one sending component: every proactive message (routed cards, notifications, reminders) is
 * persisted in the outbox first, in the transaction of the state change, and delivered here with
 * retries. A click handler only enqueues and kicks; it never waits for someone else's delivery.
 *
 * ## Reaching people
 * The conversation comes from ConversationReacher (reach.ts): the stored reference, or a 1:1
 * conversation created from the person's aadObjectId (installing the app through Graph when
 * needed). When nobody can reach the person yet the item goes to status `waiting`: never dead for
 * this reason, re-checked every `recheckMs`, released at once when the identity guard stores their
 * reference or a service URL for the tenant is learned; the reporter of the case is told at once
 * whom to phone (services/delivery-service.ts).
 *
 * ## One attempt, and what a crash leaves
 *   1. claim      next_attempt_at := now + lease, claimed_by := this instance (compare-and-set)
 *   2. reach      find or create the conversation (no message posted yet)
 *   3. render     the card from storage, as it is now
 *   4. in flight  send_started_at := now — from here on the connector may have the message
 *   5. send       POST (new message) or PUT (update of a posted card) to the connector
 *   6. commit     one transaction: status 'sent', activity id, and afterSend's follow-up
 * A crash before 4 repeats nothing: the item is simply sent later. A crash between 4 and 6 is the
 * window that remains: the connector may have accepted the POST (Teams shows it) while the commit
 * never happened, so the item is sent again — exactly one extra copy per crash in the window. The
 * Bot Framework has no idempotency key for posts, and the bot cannot read the chat back (that
 * would need Graph's Chat.Read.All on every chat), so the window cannot be closed from this side;
 * it is kept to the connector's round trip
 * (nothing else runs between 4 and 6, the commit is one local SQLite transaction). The repeat
 * carries 「（再送）」 and a line saying an earlier copy may have arrived, because that is exactly
 * what is known. PUT updates are idempotent: repeating one is harmless and unmarked. The same
 * marker is used when a request failed with a lost connection (no status: it may have arrived);
 * botbuilder's own HTTP retries are switched off for these sends (withoutSdkRetries), since they
 * would repeat such a post silently.
 *
 * A restarted process with the same instance id (config INSTANCE_ID, by default host + data
 * folder) takes over its own claims at once (recover), instead of waiting out the lease; claims of
 * other instances keep their lease, since that process may still be sending.
 */
export class OutboxSender extends PollingWorker {
  private readonly policy: RetryPolicy;

  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      logger: Logger;
      adapter: CloudAdapter;
      appId: string;
      render: MessageRenderer;
      reacher: ConversationReacher;
      /** Recorded on every claim; see recover(). */
      instanceId: string;
      afterSend?: AfterSend;
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

  /** Sends every due item once; returns how many were sent. Exposed for tests and benchmarks. */
  override async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const now = this.deps.clock.now();
      const due = await new OutboxRepo(this.deps.db).due(now.toISOString(), this.opts.batch);
      if (due.length === 0) return sent;
      let claimed = 0;
      for (const item of due) {
        const lease = new Date(now.getTime() + this.opts.leaseMs).toISOString();
        if (
          !(await new OutboxRepo(this.deps.db).claim(
            item.id,
            item.nextAttemptAt,
            lease,
            this.deps.instanceId,
          ))
        )
          continue;
        claimed += 1;
        if (await this.deliver(item)) sent += 1;
      }
      // Everything due was taken by another worker: it will finish them.
      if (claimed === 0) return sent;
    }
  }

  private async deliver(item: OutboxItem): Promise<boolean> {
    const { db, clock, logger } = this.deps;
    const outbox = new OutboxRepo(db);
    let reached: Awaited<ReturnType<ConversationReacher['reach']>>;
    try {
      reached = await this.deps.reacher.reach(item.toAad);
    } catch (err) {
      return this.fail(item, describeFailure(err, clock.now().getTime()), true);
    }
    if (reached.kind === 'unreachable') return this.wait(item, reached.reason);
    const ref = reached.ref;
    const locale = localeOf(ref.locale ?? undefined);
    // Whether the message may have reached Teams when something fails (see the header).
    let phase: 'preparing' | 'sending' | 'sent' = 'preparing';
    try {
      const rendered = await this.deps.render(item.message, locale);
      if (!rendered) {
        await outbox.markDead(item.id, 'nothing to render');
        return false;
      }
      const isUpdate = isUpdateMessage(item.message);
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
      await db.transaction(async (tx) => {
        await new OutboxRepo(tx).markSent(
          item.id,
          clock.now().toISOString(),
          activityId ?? null,
          ref.conversationId,
        );
        await this.deps.afterSend?.(tx, item, activityId, rendered.version);
      });
      logger.info(
        { outboxId: item.id, caseId: item.caseId, type: item.message.type, resend: item.resend },
        'outbox sent',
      );
      return true;
    } catch (err) {
      const f = describeFailure(err, clock.now().getTime());
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
   * A failed attempt: retried by the shared policy. While still trying to reach the person
   * (`reaching`), giving up means waiting, never dead: they may become reachable later.
   */
  private async fail(item: OutboxItem, f: SendFailure, reaching: boolean): Promise<false> {
    const outbox = new OutboxRepo(this.deps.db);
    const attempts = item.attempts + 1;
    const decision = isPermanent(f)
      ? ({ retry: false } as const)
      : nextRetry(this.policy, attempts, f.retryAfterMs, this.deps.random ?? Math.random);
    if (!decision.retry) {
      if (reaching) return this.wait(item, `could not create the conversation: ${f.message}`);
      await outbox.markDead(item.id, f.message);
      this.deps.logger.error(
        { outboxId: item.id, caseId: item.caseId, attempts, status: f.status },
        'outbox gave up',
      );
      return false;
    }
    const next = new Date(this.deps.clock.now().getTime() + decision.delayMs).toISOString();
    await outbox.markRetry(item.id, next, f.message, f.ambiguous && !reaching);
    this.deps.logger.warn(
      { outboxId: item.id, attempts, status: f.status, delayMs: decision.delayMs },
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
