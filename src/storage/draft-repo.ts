import { parseCaseOrigin, type CaseKind, type CaseOrigin } from '../domain/cases';
import type { Msg } from '../i18n';
import type { SqlClient } from './sql';

export interface Draft {
  personId: string;
  kind: CaseKind;
  /** Raw answers exactly as the card sent them (strings), so nothing typed is ever lost. */
  answers: Record<string, string>;
  /** Field errors from the last server-side validation, shown next to the inputs. */
  errors: Record<string, Msg>;
  createdAt: string;
  updatedAt: string;
  /** What the report was started from (an answer to a broadcast); null when started by the person. */
  origin: CaseOrigin | null;
}

interface Row {
  person_id: string;
  kind: string;
  answers_json: string;
  errors_json: string;
  created_at: string;
  updated_at: string;
  origin_json: string | null;
}

const toDraft = (r: Row): Draft => ({
  personId: r.person_id,
  kind: r.kind as CaseKind,
  answers: JSON.parse(r.answers_json) as Record<string, string>,
  errors: JSON.parse(r.errors_json) as Draft['errors'],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  origin: parseCaseOrigin(r.origin_json),
});

/** Half-filled forms, one per person and kind; they survive errors and restarts. */
export class DraftRepo {
  constructor(private readonly sql: SqlClient) {}

  /** Writes the answers; the draft's origin, if any, stays as it is (see `setOrigin`). */
  async save(d: Omit<Draft, 'createdAt' | 'origin'> & { createdAt?: string }): Promise<void> {
    await this.sql.execute(
      `INSERT INTO drafts (person_id, kind, answers_json, errors_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (person_id, kind) DO UPDATE SET
         answers_json = excluded.answers_json, errors_json = excluded.errors_json, updated_at = excluded.updated_at`,
      [
        d.personId,
        d.kind,
        JSON.stringify(d.answers),
        JSON.stringify(d.errors),
        d.createdAt ?? d.updatedAt,
        d.updatedAt,
      ],
    );
  }

  /**
   * Marks the person's draft of `kind` as started from `origin` (creating an empty draft when there
   * is none): what they type next and send carries it.
   */
  async setOrigin(personId: string, kind: CaseKind, origin: CaseOrigin, at: string): Promise<void> {
    await this.sql.execute(
      `INSERT INTO drafts (person_id, kind, answers_json, errors_json, created_at, updated_at, origin_json)
       VALUES (?, ?, '{}', '{}', ?, ?, ?)
       ON CONFLICT (person_id, kind) DO UPDATE SET origin_json = excluded.origin_json`,
      [personId, kind, at, at, JSON.stringify(origin)],
    );
  }

  async get(personId: string, kind: CaseKind): Promise<Draft | undefined> {
    const r = await this.sql.one<Row>('SELECT * FROM drafts WHERE person_id = ? AND kind = ?', [
      personId,
      kind,
    ]);
    return r ? toDraft(r) : undefined;
  }

  async listByPerson(personId: string): Promise<Draft[]> {
    const rows = await this.sql.query<Row>(
      'SELECT * FROM drafts WHERE person_id = ? ORDER BY updated_at DESC',
      [personId],
    );
    return rows.map(toDraft);
  }

  async delete(personId: string, kind: CaseKind): Promise<boolean> {
    const r = await this.sql.execute('DELETE FROM drafts WHERE person_id = ? AND kind = ?', [personId, kind]);
    return r.changes === 1;
  }
}
