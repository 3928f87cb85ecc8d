import type { Citations } from '../domain/articles';
import type { SqlClient } from './sql';

/**
 * What the one sending component delivers. Messages carry ids; the sender renders the card from
 * storage at send time, so a card never shows a stale state it was queued with.
 */
export type OutboxMessage =
  | { type: 'case.routed'; caseId: string; personId: string; role: string }
  /** Plain text; `article`, when set, is cited after it by the renderer (teams/citation.ts). */
  | { type: 'text'; text: { ja: string; en: string }; article?: Citations }
  /** A notice card: title, text, article, and buttons that carry the case id only. */
  | {
      type: 'notice';
      caseId: string;
      title: { ja: string; en: string };
      text: { ja: string; en: string };
      article: Citations;
      buttons: Array<{ title: { ja: string; en: string }; verb: 'case.returned' }>;
    }
  /** Replace a card posted earlier (activityId) with the case as it is now, for that viewer. */
  | { type: 'case.update'; caseId: string; personId: string; activityId: string; conversationId: string };

/** Lower is sooner. Emergencies first (roadmap [4/6]). */
export const PRIORITY = { emergency: 0, critical: 1, high: 2, normal: 5, low: 8 } as const;

export interface OutboxItem {
  id: number;
  dedupeKey: string;
  toAad: string;
  priority: number;
  message: OutboxMessage;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  caseId: string | null;
  activityId: string | null;
  conversationId: string | null;
  createdAt: string;
  sentAt: string | null;
}

interface Row {
  id: number;
  dedupe_key: string;
  to_aad: string;
  priority: number;
  message_json: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  case_id: string | null;
  activity_id: string | null;
  conversation_id: string | null;
  created_at: string;
  sent_at: string | null;
}

const toItem = (r: Row): OutboxItem => ({
  id: Number(r.id),
  dedupeKey: r.dedupe_key,
  toAad: r.to_aad,
  priority: Number(r.priority),
  message: JSON.parse(r.message_json) as OutboxMessage,
  status: r.status as OutboxItem['status'],
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  caseId: r.case_id,
  activityId: r.activity_id,
  conversationId: r.conversation_id,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

export class OutboxRepo {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Persists a message before anything is sent, in the caller's transaction. The dedupe key makes a
   * repeated enqueue (retry of a click, crash and replay) a no-op: nobody gets the same card twice.
   */
  async enqueue(e: {
    dedupeKey: string;
    toAad: string;
    priority: number;
    message: OutboxMessage;
    caseId?: string;
    at: string;
  }): Promise<boolean> {
    const r = await this.sql.execute(
      `INSERT INTO outbox (dedupe_key, to_aad, priority, message_json, status, attempts, next_attempt_at, case_id, created_at)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [
        e.dedupeKey,
        e.toAad.toLowerCase(),
        e.priority,
        JSON.stringify(e.message),
        e.at,
        e.caseId ?? null,
        e.at,
      ],
    );
    return r.changes === 1;
  }

  async due(now: string, limit: number): Promise<OutboxItem[]> {
    const rows = await this.sql.query<Row>(
      `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
       ORDER BY priority, next_attempt_at, id LIMIT ?`,
      [now, limit],
    );
    return rows.map(toItem);
  }

  async nextDueAt(): Promise<string | undefined> {
    const r = await this.sql.one<{ t: string | null }>(
      "SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status = 'pending'",
    );
    return r?.t ?? undefined;
  }

  /**
   * Claims a due item for one send attempt by moving its next attempt past a lease. Of several
   * workers (or instances, roadmap [6/6]) exactly one sees `true`; a crash mid-send frees the item
   * again when the lease expires, so nobody is skipped.
   */
  async claim(id: number, seenNextAttemptAt: string, leaseUntil: string): Promise<boolean> {
    const r = await this.sql.execute(
      "UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at = ?",
      [leaseUntil, id, seenNextAttemptAt],
    );
    return r.changes === 1;
  }

  async markSent(
    id: number,
    at: string,
    activityId: string | null,
    conversationId: string | null,
  ): Promise<void> {
    await this.sql.execute(
      "UPDATE outbox SET status = 'sent', sent_at = ?, activity_id = ?, conversation_id = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
      [at, activityId, conversationId, id],
    );
  }

  async markRetry(id: number, nextAttemptAt: string, error: string): Promise<void> {
    await this.sql.execute(
      'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
      [nextAttemptAt, error.slice(0, 500), id],
    );
  }

  async markDead(id: number, error: string): Promise<void> {
    await this.sql.execute(
      "UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ?",
      [error.slice(0, 500), id],
    );
  }

  async byCase(caseId: string): Promise<OutboxItem[]> {
    const rows = await this.sql.query<Row>('SELECT * FROM outbox WHERE case_id = ? ORDER BY id', [caseId]);
    return rows.map(toItem);
  }

  async all(): Promise<OutboxItem[]> {
    return (await this.sql.query<Row>('SELECT * FROM outbox ORDER BY id')).map(toItem);
  }
}
