import type { SqlClient } from './sql';

export interface Absence {
  id: number;
  personId: string;
  from: Date;
  to: Date;
}

/** 不在 periods: while one covers now, cards meant for the person also go to their deputy. */
export class AbsenceRepo {
  constructor(private readonly sql: SqlClient) {}

  async add(a: { personId: string; from: string; to: string; at: string }): Promise<void> {
    await this.sql.execute(
      'INSERT INTO absences (person_id, from_at, to_at, created_at) VALUES (?, ?, ?, ?)',
      [a.personId, a.from, a.to, a.at],
    );
  }

  /** Ends every current or future absence of the person now. */
  async clear(personId: string, at: string): Promise<number> {
    const r = await this.sql.execute(
      'UPDATE absences SET cancelled_at = ? WHERE person_id = ? AND cancelled_at IS NULL AND to_at > ?',
      [at, personId, at],
    );
    return r.changes;
  }

  /** Absences not cancelled that have not ended by `now`. */
  async active(now: string): Promise<Absence[]> {
    const rows = await this.sql.query<{ id: number; person_id: string; from_at: string; to_at: string }>(
      'SELECT id, person_id, from_at, to_at FROM absences WHERE cancelled_at IS NULL AND to_at > ? ORDER BY from_at',
      [now],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      personId: r.person_id,
      from: new Date(r.from_at),
      to: new Date(r.to_at),
    }));
  }
}
