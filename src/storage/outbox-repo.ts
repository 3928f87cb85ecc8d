import type { Citations } from '../domain/articles';
import type { ComplianceSummary } from '../domain/compliance-summary';
import type { Msg } from '../i18n';
import { byCodePoint, type SqlClient, type SqlValue } from './sql';

/**
 * What the one sending component delivers. Messages carry ids; the sender renders the card from
 * storage at send time, so a card never shows a stale state it was queued with.
 */
export type OutboxMessage =
  | { type: 'case.routed'; caseId: string; personId: string; role: string }
  /** Plain text; `article`, when set, is cited after it by the renderer (teams/citation.ts). */
  | { type: 'text'; text: Msg; article?: Citations }
  /** A notice card: title, text, article, and buttons that carry the case id only. */
  | {
      type: 'notice';
      caseId: string;
      title: Msg;
      text: Msg;
      article: Citations;
      buttons: Array<{ title: Msg; verb: 'case.returned' }>;
    }
  /** Replace a card posted earlier (activityId) with the case as it is now, for that viewer. */
  | { type: 'case.update'; caseId: string; personId: string; activityId: string; conversationId: string }
  /** A disposal request (8(3)②オ) as `personId` may see it now: to decide, or to record what was done. */
  | { type: 'media.disposal'; recordId: string; personId: string }
  /** To the reporter: `personId` cannot be reached in Teams for this case; whom to phone. */
  | { type: 'unreachable'; caseId: string; personId: string }
  /** A broadcast's copy for one recipient; `reminder` n > 0 is the n-th reminder (a new post). */
  | { type: 'broadcast'; broadcastId: string; personId: string; reminder?: number }
  /** Replace a delivered copy (after an answer, a correction or a recall) with the broadcast as it is now. */
  | {
      type: 'broadcast.update';
      broadcastId: string;
      personId: string;
      activityId: string;
      conversationId: string;
    }
  /**
   * A draft prepared for `personId` to send (the preview with 送信): from a case to IT管理者
   * (12(4)⑤, 12(5)②エ), or a relay to an officer's own staff (14(6)).
   */
  | { type: 'broadcast.prepared'; broadcastId: string; personId: string }
  /** The live status card of a broadcast, for the person who manages or follows it. */
  | { type: 'broadcast.status'; broadcastId: string; personId: string }
  | {
      type: 'broadcast.status.update';
      broadcastId: string;
      personId: string;
      activityId: string;
      conversationId: string;
    }
  /**
   * A notice about a broadcast: 統括 told that a real one to all staff went out on their
   * instruction; an officer told who in their sections has still not answered.
   */
  | {
      type: 'broadcast.notice';
      broadcastId: string;
      personId: string;
      notice: 'chief_informed' | 'officer_pending';
    }
  /**
   * The monthly compliance summary to one 統括 (13(1)): the figures as counted when it was due (a
   * report of that moment, so it is kept rather than recounted at send time; counts and ids only).
   */
  | { type: 'compliance.summary'; personId: string; summary: ComplianceSummary }
  /** A duty's card (services/duty-service.ts), rendered from storage for the recipient at send time. */
  | {
      type: 'duty.card';
      dutyId: string;
      personId: string;
      reason: 'opened' | 'overdue' | 'escalated' | 'report';
    }
  /** 13(3): on the improve-by date, the officer is asked whether the member improved (ids only). */
  | { type: 'guidance.followup'; guidanceId: number; personId: string };

/** Messages that replace a card posted earlier (PUT) instead of posting a new one. */
export function isUpdateMessage(
  m: OutboxMessage,
): m is Extract<OutboxMessage, { activityId: string; conversationId: string }> {
  return m.type === 'case.update' || m.type === 'broadcast.update' || m.type === 'broadcast.status.update';
}

/** Lower is sooner. Emergencies first (roadmap [4/6]). */
export const PRIORITY = { emergency: 0, critical: 1, high: 2, normal: 5, low: 8 } as const;

/**
 * pending: due at next_attempt_at (or leased while claimed). waiting: the recipient cannot be
 * reached yet (no conversation and none can be created); never given up on, re-checked at
 * next_attempt_at and released at once when the person becomes reachable. Final, each with its
 * reason in last_error (nothing is dropped silently): sent; unreachable — Teams refuses writes to
 * the person (403 MessageWritesBlocked / ConversationBlockedByUser: they blocked or uninstalled the
 * bot), not retried; dead — refused otherwise (another 4xx) or given up after the last attempt;
 * cancelled — never sent (a recalled broadcast's copies not yet delivered).
 */
export const OUTBOX_STATUSES = ['pending', 'waiting', 'sent', 'unreachable', 'dead', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxItem {
  id: number;
  dedupeKey: string;
  toAad: string;
  priority: number;
  message: OutboxMessage;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  caseId: string | null;
  activityId: string | null;
  conversationId: string | null;
  createdAt: string;
  sentAt: string | null;
  /** Instance id of the process holding the claim; null when nobody does. */
  claimedBy: string | null;
  /** Set just before the request leaves: from here a crash leaves it unknown whether Teams got it. */
  sendStartedAt: string | null;
  /** An earlier attempt may have reached the recipient: the next post says it is a repeat. */
  resend: boolean;
  /** When the message first had to wait for an unreachable recipient; null otherwise. */
  waitingSince: string | null;
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
  claimed_by: string | null;
  send_started_at: string | null;
  resend: number;
  waiting_since: string | null;
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
  claimedBy: r.claimed_by,
  sendStartedAt: r.send_started_at,
  resend: Number(r.resend) === 1,
  waitingSince: r.waiting_since,
});

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Columns cleared whenever an attempt ends (sent, retry, waiting, dead). */
const END_ATTEMPT = 'claimed_by = NULL, send_started_at = NULL';

export interface WaitingRecipient {
  toAad: string;
  count: number;
  /** Earliest waiting_since of the recipient's waiting messages. */
  since: string;
}

/** A message to queue; `dedupeKey` makes queuing it twice a no-op. */
export interface NewOutboxItem {
  dedupeKey: string;
  toAad: string;
  priority: number;
  message: OutboxMessage;
  caseId?: string;
  broadcastId?: string;
  at: string;
}

/** A new pending row: the INSERT's head, one row's placeholders and its values (enqueue, enqueueMany). */
const INSERT_OUTBOX = `INSERT INTO outbox (dedupe_key, to_aad, priority, message_json, status, attempts,
   next_attempt_at, case_id, broadcast_id, created_at) VALUES`;
const OUTBOX_ROW = "(?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)";
function outboxRow(e: NewOutboxItem): SqlValue[] {
  return [
    e.dedupeKey,
    e.toAad.toLowerCase(),
    e.priority,
    JSON.stringify(e.message),
    e.at,
    e.caseId ?? null,
    e.broadcastId ?? null,
    e.at,
  ];
}

/** Rows per multi-row INSERT of enqueueMany: 8 parameters each, far below both engines' limits. */
const ENQUEUE_CHUNK = 200;

export class OutboxRepo {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Persists a message before anything is sent, in the caller's transaction. The dedupe key makes a
   * repeated enqueue (retry of a click, crash and replay) a no-op: nobody gets the same card twice.
   */
  async enqueue(e: NewOutboxItem): Promise<boolean> {
    const r = await this.sql.execute(
      `${INSERT_OUTBOX} ${OUTBOX_ROW}
       ON CONFLICT (dedupe_key) DO NOTHING`,
      outboxRow(e),
    );
    return r.changes === 1;
  }

  /** Like enqueue, returning the new row's id (undefined when the dedupe key existed). */
  async enqueueReturningId(e: Parameters<OutboxRepo['enqueue']>[0]): Promise<number | undefined> {
    const r = await this.sql.one<{ id: number }>(
      `${INSERT_OUTBOX} ${OUTBOX_ROW}
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      outboxRow(e),
    );
    return r ? Number(r.id) : undefined;
  }

  /**
   * Like enqueue for many messages at once (a broadcast's copies): one multi-row INSERT per chunk
   * instead of one round trip per recipient. Returns the ids of the rows created now, by dedupe key
   * (a key that existed is absent). Rows get ids in the order given, as one enqueue after another.
   */
  async enqueueMany(
    items: ReadonlyArray<Parameters<OutboxRepo['enqueue']>[0]>,
  ): Promise<Map<string, number>> {
    const created = new Map<string, number>();
    for (let i = 0; i < items.length; i += ENQUEUE_CHUNK) {
      const chunk = items.slice(i, i + ENQUEUE_CHUNK);
      const rows = await this.sql.query<{ id: number; dedupe_key: string }>(
        `${INSERT_OUTBOX} ${chunk.map(() => OUTBOX_ROW).join(', ')}
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key`,
        chunk.flatMap(outboxRow),
      );
      for (const r of rows) created.set(r.dedupe_key, Number(r.id));
    }
    return created;
  }

  async byDedupeKey(dedupeKey: string): Promise<OutboxItem | undefined> {
    const r = await this.sql.one<Row>('SELECT * FROM outbox WHERE dedupe_key = ?', [dedupeKey]);
    return r ? toItem(r) : undefined;
  }

  async byBroadcast(broadcastId: string): Promise<OutboxItem[]> {
    const rows = await this.sql.query<Row>('SELECT * FROM outbox WHERE broadcast_id = ? ORDER BY id', [
      broadcastId,
    ]);
    return rows.map(toItem);
  }

  /**
   * A recalled broadcast: its recipients' copies not yet sent (nor being sent) are cancelled, never
   * delivered (status cards and notices still go). A copy claimed right now is left to finish; the
   * recall then updates it in place.
   */
  async cancelBroadcastCopies(broadcastId: string, reason: string): Promise<number> {
    const r = await this.sql.execute(
      `UPDATE outbox SET status = 'cancelled', last_error = ?
       WHERE broadcast_id = ? AND status IN ('pending', 'waiting') AND claimed_by IS NULL
         AND message_json LIKE '{"type":"broadcast",%'`,
      [reason.slice(0, 500), broadcastId],
    );
    return r.changes;
  }

  /** Pending items due now, and waiting items due for their re-check; most urgent first. */
  async due(now: string, limit: number): Promise<OutboxItem[]> {
    const rows = await this.sql.query<Row>(
      `SELECT * FROM outbox WHERE status IN ('pending', 'waiting') AND next_attempt_at <= ?
       ORDER BY priority, next_attempt_at, id LIMIT ?`,
      [now, limit],
    );
    return rows.map(toItem);
  }

  /**
   * What the sender takes next: up to `limit` due items, most urgent first, skipping recipients in
   * `busy` (one message at a time per recipient, so a person's messages keep their order). With
   * `lowerClass`, the longest-waiting due item of a lower priority class than the batch's is added
   * when the batch has none (the reserved share of lower classes, domain/delivery-order.ts; this
   * look sorts the due items of the lower classes, so the sender makes it at most every
   * lowerLookMs). Waiting items due for their re-check are included only with `waiting`.
   */
  async pick(
    now: string,
    limit: number,
    busy: readonly string[],
    include: { lowerClass: boolean; waiting: boolean },
  ): Promise<OutboxItem[]> {
    const withLowerClass = include.lowerClass;
    const statuses = include.waiting ? (['pending', 'waiting'] as const) : (['pending'] as const);
    const notIn = (list: readonly string[]) =>
      list.length ? `AND to_aad NOT IN (${list.map(() => '?').join(', ')})` : '';
    // One query per status, each read in the order of the outbox_due index (status, priority,
    // next_attempt_at, id) and stopped at the limit: no sort of everything that is due.
    const items: OutboxItem[] = [];
    for (const status of statuses) {
      const rows = await this.sql.query<Row>(
        `SELECT * FROM outbox WHERE status = ? AND next_attempt_at <= ? ${notIn(busy)}
         ORDER BY priority, next_attempt_at, id LIMIT ?`,
        [status, now, ...busy, limit],
      );
      items.push(...rows.map(toItem));
    }
    items.sort((a, b) => a.priority - b.priority || cmp(a.nextAttemptAt, b.nextAttemptAt) || a.id - b.id);
    items.splice(limit);
    const top = items[0]?.priority;
    if (!withLowerClass || top === undefined || items.some((i) => i.priority !== top)) return items;
    const exclude = [...busy, ...items.map((i) => i.toAad)];
    let lower: OutboxItem | undefined;
    for (const status of statuses) {
      const r = await this.sql.one<Row>(
        `SELECT * FROM outbox WHERE status = ? AND priority > ? AND next_attempt_at <= ? ${notIn(exclude)}
         ORDER BY next_attempt_at, id LIMIT 1`,
        [status, top, now, ...exclude],
      );
      const c = r ? toItem(r) : undefined;
      if (c && (!lower || c.nextAttemptAt < lower.nextAttemptAt)) lower = c;
    }
    return lower ? [...items, lower] : items;
  }

  async nextDueAt(): Promise<string | undefined> {
    const r = await this.sql.one<{ t: string | null }>(
      "SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status IN ('pending', 'waiting')",
    );
    return r?.t ?? undefined;
  }

  /**
   * Claims a due item for one attempt by moving its next attempt past a lease and recording the
   * claiming instance. Of several workers (or instances, roadmap [6/6]) exactly one sees `true`.
   * A crash mid-send frees the item when the lease expires, or at once when the same instance
   * starts again (recoverClaims), so nobody is skipped. A waiting item becomes pending while
   * claimed, so releasing waiting items never hands a claimed one to a second worker.
   */
  async claim(
    id: number,
    seenNextAttemptAt: string,
    leaseUntil: string,
    instanceId: string | null = null,
  ): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE outbox SET next_attempt_at = ?, claimed_by = ?, send_started_at = NULL, status = 'pending'
       WHERE id = ? AND status IN ('pending', 'waiting') AND next_attempt_at = ?`,
      [leaseUntil, instanceId, id, seenNextAttemptAt],
    );
    return r.changes === 1;
  }

  /**
   * Written just before the request leaves for the connector: a crash after this point leaves it
   * unknown whether Teams received the message (see OutboxSender's header).
   */
  async markInFlight(id: number, at: string): Promise<void> {
    await this.sql.execute('UPDATE outbox SET send_started_at = ? WHERE id = ?', [at, id]);
  }

  async markSent(
    id: number,
    at: string,
    activityId: string | null,
    conversationId: string | null,
  ): Promise<void> {
    await this.sql.execute(
      `UPDATE outbox SET status = 'sent', sent_at = ?, activity_id = ?, conversation_id = ?,
         attempts = attempts + 1, last_error = NULL, waiting_since = NULL, ${END_ATTEMPT} WHERE id = ?`,
      [at, activityId, conversationId, id],
    );
  }

  /** `resend`: the failed attempt may still have reached Teams (connection lost mid-request). */
  async markRetry(id: number, nextAttemptAt: string, error: string, resend = false): Promise<void> {
    await this.sql.execute(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
         resend = CASE WHEN ? = 1 THEN 1 ELSE resend END, ${END_ATTEMPT} WHERE id = ?`,
      [nextAttemptAt, error.slice(0, 500), resend ? 1 : 0, id],
    );
  }

  async markDead(id: number, error: string): Promise<void> {
    await this.sql.execute(
      `UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ?, ${END_ATTEMPT} WHERE id = ?`,
      [error.slice(0, 500), id],
    );
  }

  /** Teams refuses writes to the person (they blocked or uninstalled the bot): final, not retried. */
  async markUnreachable(id: number, reason: string): Promise<void> {
    await this.sql.execute(
      `UPDATE outbox SET status = 'unreachable', attempts = attempts + 1, last_error = ?, ${END_ATTEMPT} WHERE id = ?`,
      [reason.slice(0, 500), id],
    );
  }

  /**
   * Gives a claimed item back unattempted, due at `nextAttemptAt` (its conversation is at a Teams
   * limit until then): no attempt counted, nothing left the process.
   */
  async defer(id: number, nextAttemptAt: string): Promise<void> {
    await this.sql.execute(`UPDATE outbox SET next_attempt_at = ?, ${END_ATTEMPT} WHERE id = ?`, [
      nextAttemptAt,
      id,
    ]);
  }

  /** How many items are in each status (diagnostics, the benchmark). */
  async countByStatus(): Promise<Partial<Record<OutboxStatus, number>>> {
    const rows = await this.sql.query<{ status: OutboxStatus; n: number }>(
      'SELECT status, COUNT(*) AS n FROM outbox GROUP BY status',
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /**
   * The recipient cannot be reached yet: the item waits (never dead for this reason), re-checked at
   * `recheckAt`. Attempts are not counted. Returns true when the item starts waiting now (it was
   * not waiting before), so the caller tells the people concerned once.
   */
  async markWaiting(id: number, at: string, recheckAt: string, reason: string): Promise<boolean> {
    const before = await this.sql.one<{ waiting_since: string | null }>(
      'SELECT waiting_since FROM outbox WHERE id = ?',
      [id],
    );
    await this.sql.execute(
      `UPDATE outbox SET status = 'waiting', next_attempt_at = ?, last_error = ?,
         waiting_since = COALESCE(waiting_since, ?), ${END_ATTEMPT} WHERE id = ?`,
      [recheckAt, reason.slice(0, 500), at, id],
    );
    return before !== undefined && before.waiting_since === null;
  }

  /** The person became reachable: their waiting items are due at once. Returns how many. */
  async releaseWaiting(toAad: string, now: string): Promise<number> {
    const r = await this.sql.execute(
      "UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE to_aad = ? AND status = 'waiting'",
      [now, toAad.toLowerCase()],
    );
    return r.changes;
  }

  /** A way to reach people appeared (e.g. the tenant's service URL): re-check every waiting item. */
  async releaseAllWaiting(now: string): Promise<number> {
    const r = await this.sql.execute(
      "UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE status = 'waiting'",
      [now],
    );
    return r.changes;
  }

  /**
   * At start-up: items this instance had claimed when it stopped (crashed) are due at once instead
   * of after the lease. The interrupted attempt counts; when its request had already left
   * (send_started_at), the item is marked as a possible repeat. Items claimed by other instances
   * keep their lease: that process may still be sending them.
   */
  async recoverClaims(instanceId: string, now: string): Promise<number> {
    const r = await this.sql.execute(
      `UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1,
         resend = CASE WHEN send_started_at IS NULL THEN resend ELSE 1 END,
         last_error = 'interrupted: the process stopped during the attempt', ${END_ATTEMPT}
       WHERE status = 'pending' AND claimed_by = ?`,
      [now, instanceId],
    );
    return r.changes;
  }

  /** Everyone with waiting items, with how many and since when (earliest first). */
  async waitingRecipients(): Promise<WaitingRecipient[]> {
    const rows = await this.sql.query<{ to_aad: string; n: number; since: string }>(
      `SELECT to_aad, COUNT(*) AS n, MIN(waiting_since) AS since FROM outbox
       WHERE status = 'waiting' GROUP BY to_aad ORDER BY since, ${byCodePoint(this.sql.engine, 'to_aad')}`,
    );
    return rows.map((r) => ({ toAad: r.to_aad, count: Number(r.n), since: r.since }));
  }

  async byCase(caseId: string): Promise<OutboxItem[]> {
    const rows = await this.sql.query<Row>('SELECT * FROM outbox WHERE case_id = ? ORDER BY id', [caseId]);
    return rows.map(toItem);
  }

  async all(): Promise<OutboxItem[]> {
    return (await this.sql.query<Row>('SELECT * FROM outbox ORDER BY id')).map(toItem);
  }
}
