// The one component that calls webhook receivers (the protocol is in the header of
// services/webhook-service.ts): claims due deliveries with a lease, POSTs them signed, records the
// outcome and schedules retries by the retry policy shared with the Teams outbox.
import type { Readable } from 'node:stream';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { WebhookConfig } from '../../config/config';
import type { Clock } from '../../domain/clock';
import type { Logger } from '../../logger';
import type { Database } from '../../storage/sql';
import { WebhookRepo, type WebhookDelivery } from '../../storage/webhook-repo';
import { PollingWorker } from '../polling-worker';
import { nextRetry, parseRetryAfter, type RetryPolicy } from '../retry-policy';
import { signWebhook } from './signature';

export interface WebhookDispatcherOptions {
  /** How often the worker looks for due deliveries even without a kick. */
  pollMs: number;
  batch: number;
  /** Per-request timeout. */
  timeoutMs: number;
  /** How long a claimed delivery stays invisible to other workers; must exceed timeoutMs. */
  leaseMs: number;
  /** Attempts in all, the first included; then the delivery is 'failed'. */
  maxAttempts: number;
  /** Backoff base; doubled per attempt with jitter, capped at maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Upper bound on a receiver's Retry-After, so a hostile or buggy answer cannot park a delivery. */
  maxRetryAfterMs: number;
}

/**
 * With 6 attempts 5 s apart doubling (5, 10, 20, 40, 80 s, jittered), a receiver that is down is
 * given up on within about 2–3 minutes, and the officer sees the failure on the case card while the
 * card can still be stopped by hand (10(9)②).
 */
export const DEFAULT_WEBHOOK_OPTIONS: WebhookDispatcherOptions = {
  pollMs: 1000,
  batch: 20,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  maxAttempts: 6,
  backoffMs: 5000,
  maxBackoffMs: 5 * 60_000,
  maxRetryAfterMs: 15 * 60_000,
};

type Outcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; status: number | null; retryAfterMs: number | undefined; error: string }
  | { kind: 'failed'; status: number | null; error: string };

function classify(res: AxiosResponse, nowMs: number): Outcome {
  const status = res.status;
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  const error = `HTTP ${status}`;
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', status, retryAfterMs: parseRetryAfter(res.headers['retry-after'], nowMs), error };
  }
  // Other 4xx will not heal by retrying (bad URL, bad signature, payload refused); 3xx means the URL
  // is wrong — redirects are not followed, so the signed payload goes only where configured.
  return { kind: 'failed', status, error };
}

/**
 * The one component that calls webhook receivers. Deliveries are enqueued by the services in the
 * transaction of the state change; this worker claims due ones, POSTs them signed, and records the
 * outcome. Start it once per process; several processes may run it against one database (claims
 * are compare-and-set).
 */
export class WebhookDispatcher extends PollingWorker {
  private readonly http: AxiosInstance;
  private readonly hooks: ReadonlyMap<string, WebhookConfig>;
  /** The retry policy shared with the Teams outbox (services/retry-policy.ts). */
  private readonly policy: RetryPolicy;

  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      logger: Logger;
      hooks: readonly WebhookConfig[];
      /** For tests: the jitter source (default Math.random). */
      random?: () => number;
      /** Recorded on every claim; see recover(). */
      instanceId?: string;
    },
    private readonly opts: WebhookDispatcherOptions = DEFAULT_WEBHOOK_OPTIONS,
  ) {
    super({ logger: deps.logger, pollMs: opts.pollMs, name: 'webhook' });
    this.hooks = new Map(deps.hooks.map((h) => [h.name, h]));
    this.policy = {
      maxAttempts: opts.maxAttempts,
      baseMs: opts.backoffMs,
      maxBackoffMs: opts.maxBackoffMs,
      maxRetryAfterMs: opts.maxRetryAfterMs,
    };
    this.http = axios.create({
      timeout: opts.timeoutMs,
      maxRedirects: 0,
      // We classify every status ourselves and never read the body (see deliver).
      validateStatus: () => true,
      responseType: 'stream',
      // Send the stored JSON text as is: the signature covers these exact bytes.
      transformRequest: [(body: unknown) => body],
    });
  }

  /** Before the first drain: this instance's interrupted deliveries are due again at once. */
  async recover(): Promise<number> {
    if (!this.deps.instanceId) return 0;
    const n = await new WebhookRepo(this.deps.db).recoverClaims(
      this.deps.instanceId,
      this.deps.clock.now().toISOString(),
    );
    if (n > 0)
      this.deps.logger.warn({ items: n, instanceId: this.deps.instanceId }, 'webhook claims taken over');
    return n;
  }

  /** Attempts every due delivery once; returns how many were delivered. Exposed for tests. */
  override async drain(): Promise<number> {
    const repo = new WebhookRepo(this.deps.db);
    let delivered = 0;
    for (;;) {
      const now = this.deps.clock.now();
      const due = await repo.due(now.toISOString(), this.opts.batch);
      if (due.length === 0) return delivered;
      for (const d of due) {
        if (d.attempts >= this.opts.maxAttempts) {
          // Its last attempt was claimed but never completed (the process died mid-call).
          await this.finish(d, d.attempts, {
            kind: 'failed',
            status: null,
            error: 'interrupted; no attempts left',
          });
          continue;
        }
        const lease = new Date(now.getTime() + this.opts.leaseMs).toISOString();
        if (!(await repo.claim(d.id, d.nextAttemptAt, lease, this.deps.instanceId ?? null))) continue;
        if (await this.deliver(d, d.attempts + 1)) delivered += 1;
      }
    }
  }

  private async deliver(d: WebhookDelivery, attempt: number): Promise<boolean> {
    const hook = this.hooks.get(d.hook);
    if (!hook) {
      // Removed from WEBHOOKS since it was enqueued: nowhere to send it, and no secret to sign with.
      return this.finish(d, attempt, { kind: 'failed', status: null, error: 'hook not configured' });
    }
    const deliveryId = (JSON.parse(d.payloadJson) as { id: string }).id;
    const timestamp = Math.floor(this.deps.clock.now().getTime() / 1000);
    let outcome: Outcome;
    try {
      const res = await this.http.post(hook.url, d.payloadJson, {
        headers: {
          'content-type': 'application/json',
          'x-securitydesk-event': d.event,
          'x-securitydesk-delivery': deliveryId,
          'x-securitydesk-timestamp': String(timestamp),
          'x-securitydesk-signature': signWebhook(hook.secret, timestamp, d.payloadJson),
        },
      });
      // The body is never read: an answer of any size cannot exhaust memory or land in our logs.
      (res.data as Readable | undefined)?.destroy?.();
      outcome = classify(res, this.deps.clock.now().getTime());
    } catch (err) {
      const e = err as { code?: string };
      outcome = {
        kind: 'retry',
        status: null,
        retryAfterMs: undefined,
        error: `network: ${e.code ?? 'error'}`,
      };
    }
    return this.finish(d, attempt, outcome);
  }

  private async finish(d: WebhookDelivery, attempt: number, o: Outcome): Promise<boolean> {
    const repo = new WebhookRepo(this.deps.db);
    const { logger, clock } = this.deps;
    const ids = {
      webhookDeliveryId: d.id,
      hook: d.hook,
      caseId: d.caseId,
      event: d.event,
      attempts: attempt,
    };
    if (o.kind === 'delivered') {
      await repo.markDelivered(d.id, clock.now().toISOString(), o.status);
      logger.info({ ...ids, status: o.status }, 'webhook delivered');
      return true;
    }
    const decision =
      o.kind === 'failed'
        ? ({ retry: false } as const)
        : nextRetry(this.policy, attempt, o.retryAfterMs, this.deps.random ?? Math.random);
    if (!decision.retry) {
      await repo.markFailed(d.id, o.error, o.status);
      logger.error({ ...ids, status: o.status, error: o.error }, 'webhook delivery failed');
      return false;
    }
    const delay = decision.delayMs;
    const next = new Date(clock.now().getTime() + delay).toISOString();
    await repo.markRetry(d.id, next, o.error, o.status);
    logger.warn({ ...ids, status: o.status, error: o.error, delayMs: delay }, 'webhook retry scheduled');
    return false;
  }
}
