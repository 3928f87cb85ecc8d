import { sectionScope } from './sql-lists';
import { parseCitations, serializeCitations, type Citation } from '../domain/articles';
import {
  formatDutyId,
  type DutyCycle,
  type DutyKind,
  type DutyOpening,
  type DutySource,
  type DutyStatus,
} from '../domain/duties';
import type { Msg } from '../i18n';
import { byCodePoint, type SqlClient, type SqlValue } from './sql';

export interface DutyInstance {
  id: string;
  kind: DutyKind;
  sectionCode: string;
  periodKey: string;
  subjectKey: string;
  subject: Readonly<Record<string, string>>;
  citations: readonly Citation[];
  source: DutySource;
  status: DutyStatus;
  /** UTC ISO-8601. */
  dueAt: string;
  escalationLevel: number;
  /** What the owner recorded on completion (result, findings, links), as flat text. */
  result: Readonly<Record<string, string>> | null;
  completedBy: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

interface Row {
  id: string;
  kind: string;
  section_code: string;
  period_key: string;
  subject_key: string;
  subject_json: string;
  citations: string;
  source_json: string;
  status: string;
  due_at: string;
  escalation_level: number;
  result_json: string | null;
  completed_by: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const toInstance = (r: Row): DutyInstance => ({
  id: r.id,
  kind: r.kind as DutyKind,
  sectionCode: r.section_code,
  periodKey: r.period_key,
  subjectKey: r.subject_key,
  subject: JSON.parse(r.subject_json) as Record<string, string>,
  citations: parseCitations(r.citations),
  source: JSON.parse(r.source_json) as DutySource,
  status: r.status as DutyStatus,
  dueAt: r.due_at,
  escalationLevel: Number(r.escalation_level),
  result: r.result_json === null ? null : (JSON.parse(r.result_json) as Record<string, string>),
  completedBy: r.completed_by,
  completedAt: r.completed_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: Number(r.version),
});

/** Duty instances (domain/duties.ts): one per (kind, section, period, subject). */
export class DutyRepo {
  constructor(private readonly sql: SqlClient) {}

  /** Next readable id (DTY-2026-0001); call inside the transaction that inserts the instance. */
  async nextId(year: number): Promise<string> {
    const r = await this.sql.one<{ last_seq: number }>(
      `INSERT INTO duty_counters (year, last_seq) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = duty_counters.last_seq + 1
       RETURNING last_seq`,
      [year],
    );
    return formatDutyId(year, Number(r?.last_seq));
  }

  async findByKey(
    k: Pick<DutyOpening, 'kind' | 'sectionCode' | 'periodKey' | 'subjectKey'>,
  ): Promise<DutyInstance | undefined> {
    const r = await this.sql.one<Row>(
      `SELECT * FROM duty_instances WHERE kind = ? AND section_code = ? AND period_key = ? AND subject_key = ?`,
      [k.kind, k.sectionCode, k.periodKey, k.subjectKey],
    );
    return r ? toInstance(r) : undefined;
  }

  /** Inserts an open instance unless one with the same key exists: true when it was inserted. */
  async insertIfAbsent(
    id: string,
    d: DutyOpening & { citations: readonly Citation[] },
    at: string,
  ): Promise<boolean> {
    const r = await this.sql.execute(
      `INSERT INTO duty_instances (id, kind, section_code, period_key, subject_key, subject_json, citations,
         source_json, status, due_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
       ON CONFLICT (kind, section_code, period_key, subject_key) DO NOTHING`,
      [
        id,
        d.kind,
        d.sectionCode,
        d.periodKey,
        d.subjectKey,
        JSON.stringify(d.subject),
        serializeCitations(d.citations),
        JSON.stringify(d.source),
        d.dueAt,
        at,
        at,
      ],
    );
    return r.changes === 1;
  }

  async get(id: string): Promise<DutyInstance | undefined> {
    const r = await this.sql.one<Row>('SELECT * FROM duty_instances WHERE id = ?', [id]);
    return r ? toInstance(r) : undefined;
  }

  /** Records the completion (open → done) unless someone changed the instance meanwhile. */
  async complete(
    id: string,
    version: number,
    c: { result: Readonly<Record<string, string>>; by: string; at: string },
  ): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE duty_instances SET status = 'done', result_json = ?, completed_by = ?, completed_at = ?,
         updated_at = ?, version = version + 1
       WHERE id = ? AND version = ? AND status = 'open'`,
      [JSON.stringify(c.result), c.by, c.at, c.at, id, version],
    );
    return r.changes === 1;
  }

  /** Moves an open instance to the next overdue step (1: reminded again, 2: escalated to 統括). */
  async setEscalationLevel(id: string, from: number, to: number, at: string): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE duty_instances SET escalation_level = ?, updated_at = ?, version = version + 1
       WHERE id = ? AND status = 'open' AND escalation_level = ?`,
      [to, at, id, from],
    );
    return r.changes === 1;
  }

  /** Instances by section and due time, soonest first (at most `limit`). */
  async list(q: DutyQuery, limit: number): Promise<DutyInstance[]> {
    const w = where(q);
    const rows = await this.sql.query<Row>(
      `SELECT * FROM duty_instances ${w.sql} ORDER BY due_at, id LIMIT ?`,
      [...w.params, limit],
    );
    return rows.map(toInstance);
  }

  async count(q: DutyQuery): Promise<number> {
    const w = where(q);
    const r = await this.sql.one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM duty_instances ${w.sql}`,
      w.params,
    );
    return Number(r?.n ?? 0);
  }

  /**
   * Per section: done, open and overdue (open past `now`) among the instances due in [from, to) and
   * the open ones due before `from` — the figures of 「今月の定期業務」.
   */
  async monthFigures(
    sections: readonly string[] | 'all',
    from: string,
    to: string,
    now: string,
  ): Promise<{ sectionCode: string; done: number; open: number; overdue: number }[]> {
    const w = where({ sections });
    const rows = await this.sql.query<{ section_code: string; done: number; open: number; overdue: number }>(
      `SELECT section_code,
         SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done,
         SUM(CASE WHEN status = 'open' AND due_at >= ? THEN 1 ELSE 0 END) AS open,
         SUM(CASE WHEN status = 'open' AND due_at < ? THEN 1 ELSE 0 END) AS overdue
       FROM duty_instances ${w.sql} ${w.sql ? 'AND' : 'WHERE'}
         ((due_at >= ? AND due_at < ?) OR (status = 'open' AND due_at < ?))
       GROUP BY section_code ORDER BY ${byCodePoint(this.sql.engine, 'section_code')}`,
      [now, now, ...w.params, from, to, from],
    );
    return rows.map((r) => ({
      sectionCode: r.section_code,
      done: Number(r.done),
      open: Number(r.open),
      overdue: Number(r.overdue),
    }));
  }

  /** Counts per section and status of one kind due in [from, to) (the monthly summary's 13(1) line). */
  async countByStatus(
    kind: DutyKind,
    from: string,
    to: string,
  ): Promise<{ sectionCode: string; status: DutyStatus; n: number }[]> {
    const rows = await this.sql.query<{ section_code: string; status: string; n: number }>(
      `SELECT section_code, status, COUNT(*) AS n FROM duty_instances
       WHERE kind = ? AND due_at >= ? AND due_at < ? GROUP BY section_code, status
       ORDER BY ${byCodePoint(this.sql.engine, 'section_code')}`,
      [kind, from, to],
    );
    return rows.map((r) => ({ sectionCode: r.section_code, status: r.status as DutyStatus, n: Number(r.n) }));
  }

  /** Keyset page over (due_at, id) for the duty ledger. */
  async page(
    q: DutyQuery,
    p: { order: 'asc' | 'desc'; limit: number; after?: { at: string; key: string } },
  ): Promise<DutyInstance[]> {
    const w = where(q);
    const cmp = p.order === 'asc' ? '>' : '<';
    const after = p.after
      ? `${w.sql ? ' AND' : 'WHERE'} (due_at ${cmp} ? OR (due_at = ? AND id ${cmp} ?))`
      : '';
    const dir = p.order === 'asc' ? 'ASC' : 'DESC';
    const rows = await this.sql.query<Row>(
      `SELECT * FROM duty_instances ${w.sql}${after} ORDER BY due_at ${dir}, id ${dir} LIMIT ?`,
      [...w.params, ...(p.after ? [p.after.at, p.after.at, p.after.key] : []), p.limit],
    );
    return rows.map(toInstance);
  }

  /** Retention: blanks the names in a finished instance (subject, who completed it). */
  async purgePersonal(
    id: string,
    subject: Record<string, string>,
    result: Record<string, string> | null,
    at: string,
  ) {
    await this.sql.execute(
      `UPDATE duty_instances SET subject_json = ?, result_json = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
      [JSON.stringify(subject), result === null ? null : JSON.stringify(result), at, id],
    );
  }
}

export interface DutySchedule {
  kind: string;
  sectionCode: string;
  cycle: DutyCycle;
  enabled: boolean;
  updatedBy: string;
  updatedAt: string;
}

export interface DutyDraft {
  dutyId: string;
  personId: string;
  answers: Record<string, string>;
  errors: Record<string, Msg>;
  updatedAt: string;
}

/** Which instances: some sections (or all) and a half-open UTC interval of `due_at`. */
export interface DutyQuery {
  sections: readonly string[] | 'all';
  dueFrom?: string;
  dueTo?: string;
  status?: DutyStatus;
}

function where(q: DutyQuery): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const scope = sectionScope('section_code', q.sections);
  if (scope) {
    parts.push(scope.sql);
    params.push(...scope.params);
  }
  if (q.dueFrom !== undefined) {
    parts.push('due_at >= ?');
    params.push(q.dueFrom);
  }
  if (q.dueTo !== undefined) {
    parts.push('due_at < ?');
    params.push(q.dueTo);
  }
  if (q.status !== undefined) {
    parts.push('status = ?');
    params.push(q.status);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The calendar's rows beside the instances: schedules, drafts, the calendar's start. */
export class DutyCalendarRepo {
  constructor(private readonly sql: SqlClient) {}

  async schedules(): Promise<DutySchedule[]> {
    const rows = await this.sql.query<{
      kind: string;
      section_code: string;
      cycle_json: string;
      enabled: number;
      updated_by: string;
      updated_at: string;
    }>(
      `SELECT * FROM duty_schedules
       ORDER BY ${byCodePoint(this.sql.engine, 'kind')}, ${byCodePoint(this.sql.engine, 'section_code')}`,
    );
    return rows.map((r) => ({
      kind: r.kind,
      sectionCode: r.section_code,
      cycle: JSON.parse(r.cycle_json) as DutyCycle,
      enabled: Number(r.enabled) === 1,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    }));
  }

  async setSchedule(s: DutySchedule): Promise<void> {
    await this.sql.execute(
      `INSERT INTO duty_schedules (kind, section_code, cycle_json, enabled, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, section_code) DO UPDATE SET cycle_json = excluded.cycle_json,
         enabled = excluded.enabled, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [s.kind, s.sectionCode, JSON.stringify(s.cycle), s.enabled ? 1 : 0, s.updatedBy, s.updatedAt],
    );
  }

  /** When the calendar started (recorded on the first call). */
  async startedAt(now: string): Promise<string> {
    await this.sql.execute(
      'INSERT INTO duty_calendar (id, started_at) VALUES (1, ?) ON CONFLICT (id) DO NOTHING',
      [now],
    );
    const r = await this.sql.one<{ started_at: string }>('SELECT started_at FROM duty_calendar WHERE id = 1');
    return r?.started_at ?? now;
  }

  async saveDraft(d: DutyDraft): Promise<void> {
    await this.sql.execute(
      `INSERT INTO duty_drafts (duty_id, person_id, answers_json, errors_json, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (duty_id, person_id) DO UPDATE SET answers_json = excluded.answers_json,
         errors_json = excluded.errors_json, updated_at = excluded.updated_at`,
      [d.dutyId, d.personId, JSON.stringify(d.answers), JSON.stringify(d.errors), d.updatedAt],
    );
  }

  async getDraft(dutyId: string, personId: string): Promise<DutyDraft | undefined> {
    const r = await this.sql.one<{ answers_json: string; errors_json: string; updated_at: string }>(
      'SELECT answers_json, errors_json, updated_at FROM duty_drafts WHERE duty_id = ? AND person_id = ?',
      [dutyId, personId],
    );
    return r
      ? {
          dutyId,
          personId,
          answers: JSON.parse(r.answers_json) as Record<string, string>,
          errors: JSON.parse(r.errors_json) as Record<string, Msg>,
          updatedAt: r.updated_at,
        }
      : undefined;
  }

  /** Every draft of the duty goes once it is done (whoever completed it). */
  async deleteDrafts(dutyId: string): Promise<void> {
    await this.sql.execute('DELETE FROM duty_drafts WHERE duty_id = ?', [dutyId]);
  }
}
