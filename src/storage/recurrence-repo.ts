import type { Recurrence } from '../domain/case-broadcasts';
import type { SqlClient } from './sql';

interface Row {
  case_id: string;
  analysis: string;
  measures: string;
  recorded_by: string;
  recorded_at: string;
  agreed_by: string | null;
  agreed_at: string | null;
  version: number;
}

const toRecord = (r: Row): Recurrence => ({
  caseId: r.case_id,
  analysis: r.analysis,
  measures: r.measures,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
  agreedBy: r.agreed_by,
  agreedAt: r.agreed_at,
  version: Number(r.version),
});

/** 12(5)③: the recurrence analysis and measures of a closed failure or breach (one row per case). */
export class RecurrenceRepo {
  constructor(private readonly sql: SqlClient) {}

  async get(caseId: string): Promise<Recurrence | undefined> {
    const r = await this.sql.one<Row>('SELECT * FROM case_recurrence WHERE case_id = ?', [caseId]);
    return r ? toRecord(r) : undefined;
  }

  /** Records or rewrites (before agreement) the analysis and measures. */
  async record(caseId: string, analysis: string, measures: string, by: string, at: string): Promise<void> {
    await this.sql.execute(
      `INSERT INTO case_recurrence (case_id, analysis, measures, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET analysis = excluded.analysis, measures = excluded.measures,
         recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at,
         version = case_recurrence.version + 1
       WHERE case_recurrence.agreed_at IS NULL`,
      [caseId, analysis, measures, by, at],
    );
  }

  /** IT管理者 confirms the measures were agreed; false when already agreed or changed meanwhile. */
  async agree(caseId: string, version: number, by: string, at: string): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE case_recurrence SET agreed_by = ?, agreed_at = ?, version = version + 1
       WHERE case_id = ? AND version = ? AND agreed_at IS NULL`,
      [by, at, caseId, version],
    );
    return r.changes === 1;
  }
}
