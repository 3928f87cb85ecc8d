import type { Citations } from '../domain/articles';
import type { CaseCategory, CaseIdPrefix, CaseKind, CaseStatus, Localized, Severity } from '../domain/cases';
import { formatCaseId, OPEN_CASE_STATUSES, parseCaseOrigin, type CaseOrigin } from '../domain/cases';
import type { SqlClient } from './sql';

export interface CaseRecord {
  id: string;
  kind: CaseKind;
  category: CaseCategory;
  status: CaseStatus;
  severity: Severity;
  reporterId: string;
  sectionCode: string;
  assigneeId: string | null;
  /** The validated form answers (typed values, dates as ISO strings). */
  form: Record<string, unknown>;
  /** What the policy rules said at submission (decision, violations, duties, deadlines). */
  evaluation: Record<string, unknown>;
  ackDueAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Decision-state extras (stage, records, decision, escalatedTo …), see domain/decisions.ts. */
  state: Record<string, unknown>;
  /** How many escalation steps have fired (運用ルール; see routing.ts escalationChain). */
  escalationLevel: number;
  /** What the report was started from (an answer to a broadcast); absent when filed directly. */
  origin?: CaseOrigin | null;
}

export interface CaseRecipient {
  caseId: string;
  personId: string;
  /** 'section_officer', 'superior', 'chief_officer,it_admin' … (routing roles, comma-joined). */
  role: string;
  /** Why this person got the case, each with the article that says so. */
  reasons: Array<{ text: Localized; article: Citations }>;
}

interface CaseRow {
  id: string;
  kind: string;
  category: string;
  status: string;
  severity: string;
  reporter_id: string;
  section_code: string;
  assignee_id: string | null;
  form_json: string;
  evaluation_json: string;
  ack_due_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  state_json: string;
  escalation_level: number;
  origin_json: string | null;
}

const toCase = (r: CaseRow): CaseRecord => ({
  id: r.id,
  kind: r.kind as CaseKind,
  category: r.category as CaseCategory,
  status: r.status as CaseStatus,
  severity: r.severity as Severity,
  reporterId: r.reporter_id,
  sectionCode: r.section_code,
  assigneeId: r.assignee_id,
  form: JSON.parse(r.form_json) as Record<string, unknown>,
  evaluation: JSON.parse(r.evaluation_json) as Record<string, unknown>,
  ackDueAt: r.ack_due_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: Number(r.version),
  state: JSON.parse(r.state_json) as Record<string, unknown>,
  escalationLevel: Number(r.escalation_level),
  origin: parseCaseOrigin(r.origin_json),
});

/** Rows per multi-row INSERT of addRecipients (5 parameters each). */
const RECIPIENT_CHUNK = 200;

export class CaseRepo {
  constructor(private readonly sql: SqlClient) {}

  /** Next readable id (INC-2026-0001); call inside the transaction that inserts the case. */
  async nextId(prefix: CaseIdPrefix, year: number): Promise<string> {
    const r = await this.sql.one<{ last_seq: number }>(
      `INSERT INTO case_counters (prefix, year, last_seq) VALUES (?, ?, 1)
       ON CONFLICT (prefix, year) DO UPDATE SET last_seq = case_counters.last_seq + 1
       RETURNING last_seq`,
      [prefix, year],
    );
    return formatCaseId(prefix, year, Number(r?.last_seq));
  }

  async insert(c: Omit<CaseRecord, 'version' | 'escalationLevel'>): Promise<void> {
    await this.sql.execute(
      `INSERT INTO cases (id, kind, category, status, severity, reporter_id, section_code, assignee_id, form_json,
         evaluation_json, ack_due_at, created_at, updated_at, state_json, escalation_level, version, origin_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?)`,
      [
        c.id,
        c.kind,
        c.category,
        c.status,
        c.severity,
        c.reporterId,
        c.sectionCode,
        c.assigneeId,
        JSON.stringify(c.form),
        JSON.stringify(c.evaluation),
        c.ackDueAt,
        c.createdAt,
        c.updatedAt,
        JSON.stringify(c.state),
        c.origin ? JSON.stringify(c.origin) : null,
      ],
    );
  }

  /**
   * Compare-and-set update of the mutable part of a case. Of two concurrent decisions exactly one
   * sees `true`; the other must reload and show the case as it now is.
   */
  async update(
    id: string,
    expectedVersion: number,
    patch: {
      status: CaseRecord['status'];
      assigneeId: string | null;
      state: Record<string, unknown>;
      escalationLevel: number;
      ackDueAt: string | null;
      at: string;
    },
  ): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE cases SET status = ?, assignee_id = ?, state_json = ?, escalation_level = ?, ack_due_at = ?, updated_at = ?,
         version = version + 1
       WHERE id = ? AND version = ?`,
      [
        patch.status,
        patch.assigneeId,
        JSON.stringify(patch.state),
        patch.escalationLevel,
        patch.ackDueAt,
        patch.at,
        id,
        expectedVersion,
      ],
    );
    return r.changes === 1;
  }

  /**
   * Inside a transaction: holds the case's row until it ends, so a concurrent change of the case
   * commits wholly before or after this transaction. PostgreSQL locks the row (FOR UPDATE); a SQLite
   * transaction holds the whole database already.
   */
  async lock(id: string): Promise<void> {
    await this.sql.query(
      `SELECT id FROM cases WHERE id = ?${this.sql.engine === 'postgres' ? ' FOR UPDATE' : ''}`,
      [id],
    );
  }

  async get(id: string): Promise<CaseRecord | undefined> {
    const r = await this.sql.one<CaseRow>('SELECT * FROM cases WHERE id = ?', [id]);
    return r ? toCase(r) : undefined;
  }

  async listByReporter(reporterId: string, limit = 20): Promise<CaseRecord[]> {
    const rows = await this.sql.query<CaseRow>(
      'SELECT * FROM cases WHERE reporter_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
      [reporterId, limit],
    );
    return rows.map(toCase);
  }

  /** Every open case (domain/cases.ts OPEN_CASE_STATUSES), oldest first. */
  async listOpen(): Promise<CaseRecord[]> {
    const rows = await this.sql.query<CaseRow>(
      `SELECT * FROM cases WHERE status IN (${OPEN_CASE_STATUSES.map(() => '?').join(', ')})
       ORDER BY created_at, id`,
      [...OPEN_CASE_STATUSES],
    );
    return rows.map(toCase);
  }

  /** The recipients (person ids, in the order added) of every open case, in one query. */
  async openCaseRecipientIds(): Promise<Map<string, string[]>> {
    const rows = await this.sql.query<{ case_id: string; person_id: string }>(
      `SELECT r.case_id, r.person_id FROM case_recipients r JOIN cases c ON c.id = r.case_id
       WHERE c.status IN (${OPEN_CASE_STATUSES.map(() => '?').join(', ')})
       ORDER BY r.case_id, r.position`,
      [...OPEN_CASE_STATUSES],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const list = out.get(r.case_id);
      if (list) list.push(r.person_id);
      else out.set(r.case_id, [r.person_id]);
    }
    return out;
  }

  /**
   * Compare-and-set on the version: of two concurrent changes exactly one wins (the other sees 0
   * rows changed and must reload).
   */
  async setStatus(id: string, expectedVersion: number, status: CaseStatus, at: string): Promise<boolean> {
    const r = await this.sql.execute(
      'UPDATE cases SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
      [status, at, id, expectedVersion],
    );
    return r.changes === 1;
  }

  async addRecipient(r: CaseRecipient): Promise<void> {
    await this.sql.execute(
      // position keeps the order recipients were added in (the card lists them so), on both engines.
      `INSERT INTO case_recipients (case_id, person_id, role, reason_json, position)
       VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM case_recipients WHERE case_id = ?))
       ON CONFLICT (case_id, person_id) DO NOTHING`,
      [r.caseId, r.personId, r.role, JSON.stringify(r.reasons), r.caseId],
    );
  }

  /**
   * The case's recipients in the order they were added, each with their aadObjectId from the
   * directory (null when they are no longer in it): one query for a notification to all of them.
   */
  async recipientAddresses(
    caseId: string,
  ): Promise<Array<{ personId: string; role: string; aadObjectId: string | null }>> {
    const rows = await this.sql.query<{ person_id: string; role: string; aad_object_id: string | null }>(
      `SELECT r.person_id, r.role, p.aad_object_id FROM case_recipients r
       LEFT JOIN people p ON p.id = r.person_id
       WHERE r.case_id = ? ORDER BY r.position`,
      [caseId],
    );
    return rows.map((r) => ({ personId: r.person_id, role: r.role, aadObjectId: r.aad_object_id }));
  }

  /**
   * addRecipient for several people at once, in the order given (one read of the last position and
   * one multi-row INSERT per chunk instead of a round trip each). Call inside the transaction that
   * adds them; someone already a recipient keeps their row.
   */
  async addRecipients(rows: readonly CaseRecipient[]): Promise<void> {
    const caseIds = [...new Set(rows.map((r) => r.caseId))];
    for (const caseId of caseIds) {
      const mine = rows.filter((r) => r.caseId === caseId);
      const last = await this.sql.one<{ last: number | null }>(
        'SELECT MAX(position) AS last FROM case_recipients WHERE case_id = ?',
        [caseId],
      );
      const base = Number(last?.last ?? 0);
      for (let i = 0; i < mine.length; i += RECIPIENT_CHUNK) {
        const chunk = mine.slice(i, i + RECIPIENT_CHUNK);
        await this.sql.execute(
          `INSERT INTO case_recipients (case_id, person_id, role, reason_json, position)
           VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}
           ON CONFLICT (case_id, person_id) DO NOTHING`,
          chunk.flatMap((r, j) => [caseId, r.personId, r.role, JSON.stringify(r.reasons), base + i + j + 1]),
        );
      }
    }
  }

  async recipients(caseId: string): Promise<CaseRecipient[]> {
    const rows = await this.sql.query<{
      case_id: string;
      person_id: string;
      role: string;
      reason_json: string;
    }>('SELECT * FROM case_recipients WHERE case_id = ? ORDER BY position', [caseId]);
    return rows.map((r) => ({
      caseId: r.case_id,
      personId: r.person_id,
      role: r.role,
      reasons: JSON.parse(r.reason_json) as CaseRecipient['reasons'],
    }));
  }
}
