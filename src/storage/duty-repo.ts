import { parseCitations, serializeCitations, type Citation } from '../domain/articles';
import {
  formatDutyId,
  type DutyKind,
  type DutyOpening,
  type DutySource,
  type DutyStatus,
} from '../domain/duties';
import type { SqlClient } from './sql';

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
}
