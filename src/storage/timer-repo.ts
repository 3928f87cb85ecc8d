import type { SqlClient } from './sql';

export type TimerKind =
  | 'ack_deadline'
  | 'reminder'
  | 'broadcast_reminder'
  | 'compliance_summary'
  // A duty's overdue steps (services/duty-service.ts).
  | 'duty_overdue'
  // 13(3): the improve-by date of a guidance record (services/guidance-service.ts).
  | 'guidance_due';

export interface Timer {
  id: number;
  dedupeKey: string;
  caseId: string | null;
  kind: TimerKind;
  dueAt: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'done' | 'cancelled';
  firedAt: string | null;
  createdAt: string;
}

interface Row {
  id: number;
  dedupe_key: string;
  case_id: string | null;
  kind: string;
  due_at: string;
  payload_json: string;
  status: string;
  fired_at: string | null;
  created_at: string;
}

const toTimer = (r: Row): Timer => ({
  id: Number(r.id),
  dedupeKey: r.dedupe_key,
  caseId: r.case_id,
  kind: r.kind as TimerKind,
  dueAt: r.due_at,
  payload: JSON.parse(r.payload_json) as Record<string, unknown>,
  status: r.status as Timer['status'],
  firedAt: r.fired_at,
  createdAt: r.created_at,
});

/**
 * Durable timers (escalation deadlines, reminders): stored with the state change that needs them,
 * fired by the scheduler, and marked done in the same transaction as their effect — so a timer
 * fires exactly once across restarts (and, with row locks, across instances).
 */
export class TimerRepo {
  constructor(private readonly sql: SqlClient) {}

  async schedule(t: {
    dedupeKey: string;
    caseId: string | null;
    kind: TimerKind;
    dueAt: string;
    payload: Record<string, unknown>;
    at: string;
  }): Promise<boolean> {
    const r = await this.sql.execute(
      `INSERT INTO timers (dedupe_key, case_id, kind, due_at, payload_json, status, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (dedupe_key) DO NOTHING`,
      [t.dedupeKey, t.caseId, t.kind, t.dueAt, JSON.stringify(t.payload), t.at],
    );
    return r.changes === 1;
  }

  async due(now: string, limit: number): Promise<Timer[]> {
    const rows = await this.sql.query<Row>(
      "SELECT * FROM timers WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?",
      [now, limit],
    );
    return rows.map(toTimer);
  }

  /** True only for the one caller that moves the timer from pending to done. */
  async complete(id: number, at: string): Promise<boolean> {
    const r = await this.sql.execute(
      "UPDATE timers SET status = 'done', fired_at = ? WHERE id = ? AND status = 'pending'",
      [at, id],
    );
    return r.changes === 1;
  }

  async cancelForCase(caseId: string, kind: TimerKind): Promise<number> {
    const r = await this.sql.execute(
      "UPDATE timers SET status = 'cancelled' WHERE case_id = ? AND kind = ? AND status = 'pending'",
      [caseId, kind],
    );
    return r.changes;
  }

  /** Cancels pending timers whose dedupe key starts with `prefix` (e.g. a recalled broadcast's). */
  async cancelByDedupePrefix(prefix: string): Promise<number> {
    const r = await this.sql.execute(
      "UPDATE timers SET status = 'cancelled' WHERE status = 'pending' AND substr(dedupe_key, 1, ?) = ?",
      [prefix.length, prefix],
    );
    return r.changes;
  }

  async byCase(caseId: string): Promise<Timer[]> {
    return (await this.sql.query<Row>('SELECT * FROM timers WHERE case_id = ? ORDER BY id', [caseId])).map(
      toTimer,
    );
  }
}
