import type { SqlClient } from './sql';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One outbound webhook call: persisted with the state change, delivered by the WebhookDispatcher. */
export interface WebhookDelivery {
  id: number;
  dedupeKey: string;
  hook: string;
  caseId: string | null;
  event: string;
  /** The exact request body (JSON text): what is signed and sent, byte for byte, on every attempt. */
  payloadJson: string;
  status: WebhookDeliveryStatus;
  /** Attempts started (counted at claim, so an attempt interrupted by a crash still counts). */
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** HTTP status of the last answer; null for network errors or before the first attempt. */
  lastStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

interface Row {
  id: number;
  dedupe_key: string;
  hook: string;
  case_id: string | null;
  event: string;
  payload_json: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  last_status: number | null;
  created_at: string;
  delivered_at: string | null;
}

const toDelivery = (r: Row): WebhookDelivery => ({
  id: Number(r.id),
  dedupeKey: r.dedupe_key,
  hook: r.hook,
  caseId: r.case_id,
  event: r.event,
  payloadJson: r.payload_json,
  status: r.status as WebhookDeliveryStatus,
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  lastStatus: r.last_status === null ? null : Number(r.last_status),
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

const clip = (s: string) => s.slice(0, 500);

export class WebhookRepo {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Persists a delivery in the caller's transaction, before anything is sent. A repeated enqueue
   * with the same dedupe key (a replayed click, a retried transaction) is a no-op: the receiver is
   * not told twice about the same event.
   */
  async enqueue(e: {
    dedupeKey: string;
    hook: string;
    caseId: string | null;
    event: string;
    payloadJson: string;
    at: string;
  }): Promise<boolean> {
    const r = await this.sql.execute(
      `INSERT INTO webhook_deliveries (dedupe_key, hook, case_id, event, payload_json, status, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [e.dedupeKey, e.hook, e.caseId, e.event, e.payloadJson, e.at, e.at],
    );
    return r.changes === 1;
  }

  async due(now: string, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.sql.query<Row>(
      `SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, id LIMIT ?`,
      [now, limit],
    );
    return rows.map(toDelivery);
  }

  async nextDueAt(): Promise<string | undefined> {
    const r = await this.sql.one<{ t: string | null }>(
      "SELECT MIN(next_attempt_at) AS t FROM webhook_deliveries WHERE status = 'pending'",
    );
    return r?.t ?? undefined;
  }

  /**
   * Claims a due delivery for one attempt by moving its next attempt past a lease (compare-and-set
   * on the next_attempt_at that was seen, like OutboxRepo.claim). Exactly one worker wins; a crash
   * mid-call frees the delivery again when the lease expires. The attempt is counted here, so a
   * delivery that crashes the worker every time still runs out of attempts.
   */
  async claim(
    id: number,
    seenNextAttemptAt: string,
    leaseUntil: string,
    instanceId: string | null = null,
  ): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE webhook_deliveries SET next_attempt_at = ?, attempts = attempts + 1, claimed_by = ?
       WHERE id = ? AND status = 'pending' AND next_attempt_at = ?`,
      [leaseUntil, instanceId, id, seenNextAttemptAt],
    );
    return r.changes === 1;
  }

  /**
   * At start-up: deliveries this instance had claimed when it stopped are due again now (the
   * interrupted attempt stays counted). Receivers dedupe on the delivery id, so a repeat is safe.
   * Claims of other instances keep their lease: that process may still be calling.
   */
  async recoverClaims(instanceId: string, now: string): Promise<number> {
    const r = await this.sql.execute(
      `UPDATE webhook_deliveries SET next_attempt_at = ?, claimed_by = NULL,
         last_error = 'interrupted: the process stopped during the attempt'
       WHERE status = 'pending' AND claimed_by = ?`,
      [now, instanceId],
    );
    return r.changes;
  }

  async markDelivered(id: number, at: string, httpStatus: number): Promise<void> {
    await this.sql.execute(
      "UPDATE webhook_deliveries SET status = 'delivered', claimed_by = NULL, delivered_at = ?, last_status = ?, last_error = NULL WHERE id = ? AND status = 'pending'",
      [at, httpStatus, id],
    );
  }

  async markRetry(
    id: number,
    nextAttemptAt: string,
    error: string,
    httpStatus: number | null,
  ): Promise<void> {
    await this.sql.execute(
      "UPDATE webhook_deliveries SET next_attempt_at = ?, claimed_by = NULL, last_error = ?, last_status = ? WHERE id = ? AND status = 'pending'",
      [nextAttemptAt, clip(error), httpStatus, id],
    );
  }

  async markFailed(id: number, error: string, httpStatus: number | null): Promise<void> {
    await this.sql.execute(
      "UPDATE webhook_deliveries SET status = 'failed', claimed_by = NULL, last_error = ?, last_status = ? WHERE id = ? AND status = 'pending'",
      [clip(error), httpStatus, id],
    );
  }

  async get(id: number): Promise<WebhookDelivery | undefined> {
    const r = await this.sql.one<Row>('SELECT * FROM webhook_deliveries WHERE id = ?', [id]);
    return r ? toDelivery(r) : undefined;
  }

  async byCase(caseId: string): Promise<WebhookDelivery[]> {
    const rows = await this.sql.query<Row>('SELECT * FROM webhook_deliveries WHERE case_id = ? ORDER BY id', [
      caseId,
    ]);
    return rows.map(toDelivery);
  }

  async all(): Promise<WebhookDelivery[]> {
    return (await this.sql.query<Row>('SELECT * FROM webhook_deliveries ORDER BY id')).map(toDelivery);
  }
}
