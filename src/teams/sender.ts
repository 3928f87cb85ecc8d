import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { Clock } from '../domain/clock';
import { PollingWorker } from '../services/polling-worker';
import type { Logger } from '../logger';
import { ConversationRepo } from '../storage/conversation-repo';
import { OutboxRepo, type OutboxItem, type OutboxMessage } from '../storage/outbox-repo';
import type { Database } from '../storage/sql';
import type { Locale } from './i18n';
import { localeOf } from './i18n';

/**
 * Renders a stored message for its recipient at send time (from storage, never from the queue).
 * `version` is the case version the card shows, so a change that lands during the send is caught.
 */
export type MessageRenderer = (
  message: OutboxMessage,
  locale: Locale,
) => Promise<{ activity: Partial<Activity>; version?: number } | null>;

/** Called after a successful send with what was posted (e.g. to re-send a card that went stale in flight). */
export type AfterSend = (
  item: OutboxItem,
  activityId: string | undefined,
  renderedVersion: number | undefined,
) => Promise<void>;

export interface SenderOptions {
  /** How often the worker looks for due items even without a kick. */
  pollMs: number;
  maxAttempts: number;
  batch: number;
  /** How long a claimed item stays invisible to other workers while it is being sent. */
  leaseMs: number;
  /** Backoff base for retries; doubled per attempt with jitter, capped at maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_SENDER_OPTIONS: SenderOptions = {
  pollMs: 1000,
  maxAttempts: 8,
  batch: 20,
  leaseMs: 60_000,
  backoffMs: 2000,
  maxBackoffMs: 5 * 60_000,
};

interface SendFailure {
  status: number | undefined;
  retryAfterMs: number | undefined;
  message: string;
}

function describeFailure(err: unknown): SendFailure {
  const e = err as {
    statusCode?: number;
    code?: string;
    message?: string;
    response?: { headers?: { get?: (n: string) => string | undefined } };
  };
  const retryAfter = e.response?.headers?.get?.('retry-after');
  const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
  return {
    status: e.statusCode,
    retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : undefined,
    message: `${e.statusCode ?? e.code ?? 'error'}: ${(e.message ?? String(err)).slice(0, 200)}`,
  };
}

/** 403 (bot blocked, MessageWritesBlocked) and other 4xx will not heal by retrying; 412/429 do. */
function isPermanent(f: SendFailure): boolean {
  if (f.status === undefined) return false;
  if (f.status === 412 || f.status === 429) return false;
  return f.status >= 400 && f.status < 500;
}

/**
 * The one sending component: every proactive message (routed cards, notifications, reminders) is
 * persisted in the outbox first, in the transaction of the state change, and delivered here with
 * retries. A click handler only enqueues and kicks; it never waits for someone else's delivery.
 * Grows into the rate-limited outbox of roadmap [4/6].
 */
export class OutboxSender extends PollingWorker {
  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      logger: Logger;
      adapter: CloudAdapter;
      appId: string;
      render: MessageRenderer;
      afterSend?: AfterSend;
    },
    private readonly opts: SenderOptions = DEFAULT_SENDER_OPTIONS,
  ) {
    super({ logger: deps.logger, pollMs: opts.pollMs, name: 'outbox' });
  }

  /** Sends every due item once; returns how many were sent. Exposed for tests and benchmarks. */
  override async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const now = this.deps.clock.now();
      const due = await new OutboxRepo(this.deps.db).due(now.toISOString(), this.opts.batch);
      if (due.length === 0) return sent;
      for (const item of due) {
        const lease = new Date(now.getTime() + this.opts.leaseMs).toISOString();
        if (!(await new OutboxRepo(this.deps.db).claim(item.id, item.nextAttemptAt, lease))) continue;
        if (await this.deliver(item)) sent += 1;
      }
    }
  }

  private async deliver(item: OutboxItem): Promise<boolean> {
    const { db, clock, logger } = this.deps;
    const outbox = new OutboxRepo(db);
    const ref = await new ConversationRepo(db).get(item.toAad);
    if (!ref) {
      // The person never opened a chat with the bot: no conversation to post into yet.
      return this.fail(item, {
        status: undefined,
        retryAfterMs: undefined,
        message: 'no conversation reference',
      });
    }
    try {
      const rendered = await this.deps.render(item.message, localeOf(ref.locale ?? undefined));
      if (!rendered) {
        await outbox.markDead(item.id, 'nothing to render');
        return false;
      }
      let activityId: string | undefined;
      await this.deps.adapter.continueConversationAsync(
        this.deps.appId,
        ref.reference as Partial<ConversationReference>,
        async (ctx) => {
          if (item.message.type === 'case.update') {
            // Replace the card posted earlier, so no stale buttons stay anywhere.
            await ctx.updateActivity({ ...rendered.activity, type: 'message', id: item.message.activityId });
            activityId = item.message.activityId;
          } else {
            const r = await ctx.sendActivity(rendered.activity);
            activityId = r?.id;
          }
        },
      );
      await outbox.markSent(item.id, clock.now().toISOString(), activityId ?? null, ref.conversationId);
      await this.deps.afterSend?.(item, activityId, rendered.version);
      logger.info({ outboxId: item.id, caseId: item.caseId, type: item.message.type }, 'outbox sent');
      return true;
    } catch (err) {
      return this.fail(item, describeFailure(err));
    }
  }

  private async fail(item: OutboxItem, f: SendFailure): Promise<false> {
    const outbox = new OutboxRepo(this.deps.db);
    const attempts = item.attempts + 1;
    if (isPermanent(f) || attempts >= this.opts.maxAttempts) {
      await outbox.markDead(item.id, f.message);
      this.deps.logger.error(
        { outboxId: item.id, caseId: item.caseId, attempts, status: f.status },
        'outbox gave up',
      );
      return false;
    }
    const exp = Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** (attempts - 1));
    const delay = f.retryAfterMs ?? Math.round(exp / 2 + Math.random() * (exp / 2));
    const next = new Date(this.deps.clock.now().getTime() + delay).toISOString();
    await outbox.markRetry(item.id, next, f.message);
    this.deps.logger.warn(
      { outboxId: item.id, attempts, status: f.status, delayMs: delay },
      'outbox retry scheduled',
    );
    return false;
  }
}
