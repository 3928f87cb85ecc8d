// Outbound webhooks on case events: an integration hook, e.g. "IC card reported lost" makes the
// access-control system stop the card at once (対策基準 10(9)②). The officer still confirms the
// stop; the hook only shortens the window in which a lost card opens doors.
//
// Same durable pattern as the Teams outbox: the delivery is persisted in the transaction of the
// state change (enqueueWebhooks), then sent by one component (WebhookDispatcher) with a lease, so a
// crash never skips a delivery; retries follow the retry policy shared with the Teams outbox
// (services/retry-policy.ts: exponential backoff with jitter, Retry-After honoured up to a cap). Delivery is
// at-least-once: a crash after the receiver answered but before we recorded it repeats the call
// with the same delivery id, so receivers must treat x-securitydesk-delivery as an idempotency key.
//
// ## Request
//
//   POST <url>
//   content-type: application/json
//   x-securitydesk-event: case.submitted
//   x-securitydesk-delivery: 6f1c…-uuid            (same on every retry of this delivery)
//   x-securitydesk-timestamp: 1795000000           (unix seconds of this attempt)
//   x-securitydesk-signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
//
// ## Body (WebhookPayload)
//
//   {
//     "id": "6f1c…-uuid",                 delivery id (= x-securitydesk-delivery)
//     "event": "case.submitted",          the audit event name
//     "occurredAt": "2026-…Z",            when the event happened (UTC ISO-8601)
//     "case": {
//       "id": "INC-2026-0001", "kind": "lost_ic_card",
//       "status": "submitted", "severity": "critical", "sectionCode": "S01", "version": 1,
//       "cardKind": "own" | "shared",     lost_ic_card only
//       "cardNumber": "0012345"           lost_ic_card only, when the reporter gave one
//     },
//     "source": "security-desk"
//   }
//
// Ids and closed-vocabulary values only. Personal data stays inside: no names, no person ids, no
// free text (place, circumstances, comments) ever leaves; kind-specific fields are an explicit
// allow-list, each value checked against a strict pattern.
//
// Receivers: verify the signature over the raw body (verifySignature), reject stale timestamps,
// answer 2xx quickly, and dedupe on the delivery id. 408, 429 (Retry-After honoured) and 5xx are
// retried; any other 4xx (and 3xx: redirects are not followed) fails the delivery at once.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { WebhookConfig } from '../config/config';
import type { Clock } from '../domain/clock';
import type { Localized } from '../domain/cases';
import type { Logger } from '../logger';
import type { Database, SqlClient } from '../storage/sql';
import { WebhookRepo, type WebhookDelivery, type WebhookDeliveryStatus } from '../storage/webhook-repo';
import { PollingWorker } from './polling-worker';
import { nextRetry, parseRetryAfter, type RetryPolicy } from './retry-policy';

export const WEBHOOK_SOURCE = 'security-desk';

export interface WebhookPayload {
  id: string;
  event: string;
  occurredAt: string;
  case: {
    id: string;
    kind: string;
    status?: string;
    severity?: string;
    sectionCode?: string;
    version?: number;
    cardKind?: 'own' | 'shared';
    cardNumber?: string;
  };
  source: typeof WEBHOOK_SOURCE;
}

export interface WebhookEvent {
  /** Audit event name, e.g. 'case.submitted', 'case.acknowledged'. */
  event: string;
  caseId: string;
  kind: string;
  /** When it happened (UTC ISO-8601). */
  at: string;
  /**
   * Where the payload's fields are picked from (never copied wholesale): `version` (also the dedupe
   * discriminator), `status`, `severity`, `sectionCode`, and `form` (the stored case form
   * `{ answers, value }`, or the validated answers themselves) for the kind-specific allow-list below.
   */
  data: Record<string, unknown>;
}

const CODE = /^[A-Za-z0-9._-]{1,64}$/;
const CARD_NUMBER = /^[A-Za-z0-9-]{1,50}$/;

const str = (v: unknown, re: RegExp): string | undefined =>
  typeof v === 'string' && re.test(v.trim()) ? v.trim() : undefined;

/**
 * Kind-specific fields a receiver needs, by allow-list. lost_ic_card: the card kind and number, so
 * the access-control system can stop that card (10(9)②); when and where it was lost and the
 * circumstances are free text and stay inside.
 */
const KIND_FIELDS: Readonly<
  Record<string, (form: Record<string, unknown>) => Partial<WebhookPayload['case']>>
> = {
  lost_ic_card: (f) => ({
    cardKind: f.cardKind === 'own' || f.cardKind === 'shared' ? f.cardKind : undefined,
    cardNumber: str(f.cardNumber, CARD_NUMBER),
  }),
};

/** Builds the body of one delivery. Exported for documentation tests; see the header comment. */
export function buildWebhookPayload(id: string, e: WebhookEvent): WebhookPayload {
  const d = e.data;
  // A stored case form is { answers: raw strings, value: validated answers }: read the validated ones.
  const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined);
  const form = obj(obj(d.form)?.value) ?? obj(d.form) ?? {};
  const c: WebhookPayload['case'] = {
    id: e.caseId,
    kind: e.kind,
    status: str(d.status, CODE),
    severity: str(d.severity, CODE),
    sectionCode: str(d.sectionCode, CODE),
    version: typeof d.version === 'number' && Number.isInteger(d.version) ? d.version : undefined,
    ...(KIND_FIELDS[e.kind]?.(form) ?? {}),
  };
  // JSON.stringify drops undefined members; strip them here too so the object equals its JSON.
  for (const k of Object.keys(c) as Array<keyof typeof c>) if (c[k] === undefined) delete c[k];
  return { id, event: e.event, occurredAt: e.at, case: c, source: WEBHOOK_SOURCE };
}

export function hookMatches(h: WebhookConfig, event: string, kind: string): boolean {
  return h.events.includes(event) && (h.kinds === undefined || (h.kinds as readonly string[]).includes(kind));
}

/**
 * In the caller's transaction: one pending delivery per hook whose event and kind filters match.
 * Dedupe key `${hook}:${event}:${caseId}:${version or at}`, so replaying the same state change
 * never notifies a receiver twice. Returns how many deliveries were created. The caller kicks the
 * dispatcher after commit.
 */
export async function enqueueWebhooks(
  tx: SqlClient,
  hooks: readonly WebhookConfig[],
  e: WebhookEvent,
): Promise<number> {
  const repo = new WebhookRepo(tx);
  const v = e.data.version;
  const discriminator = typeof v === 'number' || typeof v === 'string' ? String(v) : e.at;
  let created = 0;
  for (const h of hooks) {
    if (!hookMatches(h, e.event, e.kind)) continue;
    const payload = buildWebhookPayload(randomUUID(), e);
    const ok = await repo.enqueue({
      dedupeKey: `${h.name}:${e.event}:${e.caseId}:${discriminator}`,
      hook: h.name,
      caseId: e.caseId,
      event: e.event,
      payloadJson: JSON.stringify(payload),
      at: e.at,
    });
    if (ok) created += 1;
  }
  return created;
}

// --- Signatures ----------------------------------------------------------------------------------

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, the x-securitydesk-signature value. */
export function signWebhook(secret: string, timestamp: string | number, rawBody: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

/**
 * For receivers (and tests): true when `header` is the signature of `rawBody` at `timestamp` with
 * `secret` (constant-time compare) and the timestamp is within `toleranceSeconds` (default 300) of
 * `now` (unix seconds, default the system clock), which limits replays of a captured request.
 * Pass toleranceSeconds: Infinity to skip the age check.
 */
export function verifySignature(
  secret: string,
  timestamp: string | number,
  rawBody: string | Buffer,
  header: string | undefined,
  opts: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const ts = String(timestamp);
  if (!header || !/^\d{1,12}$/.test(ts)) return false;
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(ts)) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, ts, rawBody));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// --- Status for the case card ----------------------------------------------------------------------

export interface WebhookStatus {
  hook: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastStatus: number | null;
}

/** Every delivery of a case, oldest first, so the card can show failures to the officer. */
export async function webhookStatusForCase(db: SqlClient, caseId: string): Promise<WebhookStatus[]> {
  return (await new WebhookRepo(db).byCase(caseId)).map((d) => ({
    hook: d.hook,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    lastStatus: d.lastStatus,
  }));
}

/** The line a case card shows for a failed delivery; null otherwise. */
export function webhookFailureText(s: Pick<WebhookStatus, 'hook' | 'status' | 'attempts'>): Localized | null {
  if (s.status !== 'failed') return null;
  return {
    ja: `連携先 ${s.hook} への通知に失敗しました（${s.attempts}回）`,
    en: `Notifying ${s.hook} failed (${s.attempts} ${s.attempts === 1 ? 'attempt' : 'attempts'})`,
  };
}

// --- Dispatcher ------------------------------------------------------------------------------------

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
        if (!(await repo.claim(d.id, d.nextAttemptAt, lease))) continue;
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
