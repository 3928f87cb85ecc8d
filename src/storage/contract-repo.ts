// Contracts with contractors (domain/contracts.ts) and the officers' drafts of the form. Migration 21.
import { marks } from './sql-lists';
import { formatContractId, type ContractStatus } from '../domain/contracts';
import type { Msg } from '../i18n';
import type { SqlClient } from './sql';

export interface Contract {
  id: string;
  sectionCode: string;
  contractor: string;
  work: string;
  systems: string;
  /** YYYY-MM-DD (JST): the last day of the work. */
  endDate: string;
  /** The workers' user IDs, as the officer typed them. */
  workerIds: string;
  status: ContractStatus;
  registeredBy: string;
  registeredAt: string;
  /** When the sweep (or the officer) marked it ended and opened the 12(1)③ケ duty. */
  endedAt: string | null;
  dutyId: string | null;
  updatedAt: string;
  version: number;
}

interface Row {
  id: string;
  section_code: string;
  contractor: string;
  work: string;
  systems: string;
  end_date: string;
  worker_ids: string;
  status: string;
  registered_by: string;
  registered_at: string;
  ended_at: string | null;
  duty_id: string | null;
  updated_at: string;
  version: number;
}

const toContract = (r: Row): Contract => ({
  id: r.id,
  sectionCode: r.section_code,
  contractor: r.contractor,
  work: r.work,
  systems: r.systems,
  endDate: r.end_date,
  workerIds: r.worker_ids,
  status: r.status as ContractStatus,
  registeredBy: r.registered_by,
  registeredAt: r.registered_at,
  endedAt: r.ended_at,
  dutyId: r.duty_id,
  updatedAt: r.updated_at,
  version: Number(r.version),
});

export interface ContractDraft {
  personId: string;
  answers: Record<string, string>;
  errors: Record<string, Msg>;
  createdAt: string;
  updatedAt: string;
}

export class ContractRepo {
  constructor(private readonly sql: SqlClient) {}

  async nextId(year: number): Promise<string> {
    const r = await this.sql.one<{ last_seq: number }>(
      `INSERT INTO contract_counters (year, last_seq) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = contract_counters.last_seq + 1
       RETURNING last_seq`,
      [year],
    );
    return formatContractId(year, Number(r?.last_seq));
  }

  async insert(c: Omit<Contract, 'status' | 'endedAt' | 'dutyId' | 'updatedAt' | 'version'>): Promise<void> {
    await this.sql.execute(
      `INSERT INTO contracts (id, section_code, contractor, work, systems, end_date, worker_ids, status,
         registered_by, registered_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
      [
        c.id,
        c.sectionCode,
        c.contractor,
        c.work,
        c.systems,
        c.endDate,
        c.workerIds,
        c.registeredBy,
        c.registeredAt,
        c.registeredAt,
      ],
    );
  }

  async get(id: string): Promise<Contract | undefined> {
    const r = await this.sql.one<Row>('SELECT * FROM contracts WHERE id = ?', [id]);
    return r ? toContract(r) : undefined;
  }

  /** The contracts of these sections: active first by end date, then ended (latest first). */
  async listBySections(codes: readonly string[]): Promise<Contract[]> {
    if (codes.length === 0) return [];
    const rows = await this.sql.query<Row>(
      `SELECT * FROM contracts WHERE section_code IN (${marks(codes.length)})
       ORDER BY CASE status WHEN 'active' THEN 0 ELSE 1 END, end_date, id`,
      [...codes],
    );
    return rows.map(toContract);
  }

  /** Active contracts whose end date is before `today` (YYYY-MM-DD, JST): their work has ended. */
  async listEndedBefore(today: string): Promise<Contract[]> {
    const rows = await this.sql.query<Row>(
      `SELECT * FROM contracts WHERE status = 'active' AND end_date < ? ORDER BY end_date, id`,
      [today],
    );
    return rows.map(toContract);
  }

  /** Marks an active contract ended (optimistic on its version): false when it moved meanwhile. */
  async markEnded(
    id: string,
    version: number,
    at: string,
    dutyId: string | null,
    endDate?: string,
  ): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE contracts SET status = 'ended', ended_at = ?, duty_id = ?, end_date = COALESCE(?, end_date),
         updated_at = ?, version = version + 1
       WHERE id = ? AND version = ? AND status = 'active'`,
      [at, dutyId, endDate ?? null, at, id, version],
    );
    return r.changes === 1;
  }

  async saveDraft(d: Omit<ContractDraft, 'createdAt'>): Promise<void> {
    await this.sql.execute(
      `INSERT INTO contract_drafts (person_id, answers_json, errors_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET
         answers_json = excluded.answers_json, errors_json = excluded.errors_json, updated_at = excluded.updated_at`,
      [d.personId, JSON.stringify(d.answers), JSON.stringify(d.errors), d.updatedAt, d.updatedAt],
    );
  }

  async getDraft(personId: string): Promise<ContractDraft | undefined> {
    const r = await this.sql.one<{
      person_id: string;
      answers_json: string;
      errors_json: string;
      created_at: string;
      updated_at: string;
    }>('SELECT * FROM contract_drafts WHERE person_id = ?', [personId]);
    return r
      ? {
          personId: r.person_id,
          answers: JSON.parse(r.answers_json) as Record<string, string>,
          errors: JSON.parse(r.errors_json) as Record<string, Msg>,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        }
      : undefined;
  }

  async deleteDraft(personId: string): Promise<boolean> {
    const r = await this.sql.execute('DELETE FROM contract_drafts WHERE person_id = ?', [personId]);
    return r.changes === 1;
  }
}
