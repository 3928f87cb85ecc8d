import { sectionScope } from './sql-lists';
import { formatMediaId, type MediaForm, type MediaKind, type MediaStatus } from '../domain/media';
import type { Msg } from '../i18n';
import type { SqlClient, SqlValue } from './sql';

/** The standard's items of a record and who did what, as flat text (dates as text, times UTC ISO). */
export type MediaData = Readonly<Record<string, string>>;

export interface MediaRecord {
  id: string;
  kind: MediaKind;
  sectionCode: string;
  status: MediaStatus;
  /** UTC ISO-8601: the ledger date (domain/media.ts mediaAt). */
  at: string;
  data: MediaData;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

interface Row {
  id: string;
  kind: string;
  section_code: string;
  status: string;
  at: string;
  data_json: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

const toRecord = (r: Row): MediaRecord => ({
  id: r.id,
  kind: r.kind as MediaKind,
  sectionCode: r.section_code,
  status: r.status as MediaStatus,
  at: r.at,
  data: JSON.parse(r.data_json) as MediaData,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: Number(r.version),
});

export interface MediaDraft {
  personId: string;
  form: MediaForm;
  /** The record a completing form belongs to; '' for the forms that create one. */
  recordId: string;
  answers: Record<string, string>;
  errors: Record<string, Msg>;
  createdAt: string;
  updatedAt: string;
}

/** Which rows of one kind: sections (or all) and a half-open period on `at`. */
export interface MediaQuery {
  kind: MediaKind;
  sections: readonly string[] | 'all';
  from?: string;
  to?: string;
}

function where(q: MediaQuery): { sql: string; params: SqlValue[] } {
  const parts = ['kind = ?'];
  const params: SqlValue[] = [q.kind];
  const scope = sectionScope('section_code', q.sections);
  if (scope) {
    parts.push(scope.sql);
    params.push(...scope.params);
  }
  if (q.from !== undefined) {
    parts.push('at >= ?');
    params.push(q.from);
  }
  if (q.to !== undefined) {
    parts.push('at < ?');
    params.push(q.to);
  }
  return { sql: parts.join(' AND '), params };
}

/** Media records (8(3)②アイオ) and the half-filled media forms. */
export class MediaRepo {
  constructor(private readonly sql: SqlClient) {}

  /** Next readable id (MED-2026-0001); call inside the transaction that inserts the record. */
  async nextId(year: number): Promise<string> {
    const r = await this.sql.one<{ last_seq: number }>(
      `INSERT INTO media_counters (year, last_seq) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = media_counters.last_seq + 1
       RETURNING last_seq`,
      [year],
    );
    return formatMediaId(year, Number(r?.last_seq));
  }

  async insert(r: Omit<MediaRecord, 'version'>): Promise<void> {
    await this.sql.execute(
      `INSERT INTO media_records (id, kind, section_code, status, at, data_json, created_by, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      [
        r.id,
        r.kind,
        r.sectionCode,
        r.status,
        r.at,
        JSON.stringify(r.data),
        r.createdBy,
        r.createdAt,
        r.updatedAt,
      ],
    );
  }

  async get(id: string): Promise<MediaRecord | undefined> {
    const r = await this.sql.one<Row>('SELECT * FROM media_records WHERE id = ?', [id]);
    return r ? toRecord(r) : undefined;
  }

  /** Optimistic update: false when someone changed the record since `expectedVersion`. */
  async update(
    id: string,
    expectedVersion: number,
    change: { status: MediaStatus; data: MediaData; updatedAt: string },
  ): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE media_records SET status = ?, data_json = ?, updated_at = ?, version = version + 1
       WHERE id = ? AND version = ?`,
      [change.status, JSON.stringify(change.data), change.updatedAt, id, expectedVersion],
    );
    return r.changes === 1;
  }

  /** Records of one kind and status in these sections, newest first. */
  async listByStatus(
    kind: MediaKind,
    status: MediaStatus,
    sections: readonly string[],
    limit: number,
  ): Promise<MediaRecord[]> {
    const w = where({ kind, sections });
    const rows = await this.sql.query<Row>(
      `SELECT * FROM media_records WHERE ${w.sql} AND status = ? ORDER BY at DESC, id DESC LIMIT ?`,
      [...w.params, status, limit],
    );
    return rows.map(toRecord);
  }

  /** Disposals a person asked for that are in `status`, newest first. */
  async listRequestedBy(personId: string, status: MediaStatus, limit: number): Promise<MediaRecord[]> {
    const rows = await this.sql.query<Row>(
      `SELECT * FROM media_records WHERE kind = 'disposal' AND created_by = ? AND status = ?
       ORDER BY at DESC, id DESC LIMIT ?`,
      [personId, status, limit],
    );
    return rows.map(toRecord);
  }

  async count(q: MediaQuery): Promise<number> {
    const w = where(q);
    const r = await this.sql.one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM media_records WHERE ${w.sql}`,
      w.params,
    );
    return Number(r?.n ?? 0);
  }

  /** One page ordered by (at, id), strictly after `after` in that order. */
  async page(
    q: MediaQuery,
    p: { order: 'asc' | 'desc'; limit: number; after?: { at: string; key: string } },
  ): Promise<MediaRecord[]> {
    const w = where(q);
    const params = [...w.params];
    let keyset = '';
    if (p.after) {
      const op = p.order === 'asc' ? '>' : '<';
      keyset = ` AND (at ${op} ? OR (at = ? AND id ${op} ?))`;
      params.push(p.after.at, p.after.at, p.after.key);
    }
    const dir = p.order === 'asc' ? 'ASC' : 'DESC';
    const rows = await this.sql.query<Row>(
      `SELECT * FROM media_records WHERE ${w.sql}${keyset} ORDER BY at ${dir}, id ${dir} LIMIT ?`,
      [...params, Math.max(0, Math.floor(p.limit))],
    );
    return rows.map(toRecord);
  }

  // -------------------------------------------------------------------------------------------
  // Drafts

  async saveDraft(d: Omit<MediaDraft, 'createdAt'>): Promise<void> {
    await this.sql.execute(
      `INSERT INTO media_drafts (person_id, form, record_id, answers_json, errors_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (person_id, form, record_id) DO UPDATE SET
         answers_json = excluded.answers_json, errors_json = excluded.errors_json, updated_at = excluded.updated_at`,
      [
        d.personId,
        d.form,
        d.recordId,
        JSON.stringify(d.answers),
        JSON.stringify(d.errors),
        d.updatedAt,
        d.updatedAt,
      ],
    );
  }

  async getDraft(personId: string, form: MediaForm, recordId: string): Promise<MediaDraft | undefined> {
    const r = await this.sql.one<{
      person_id: string;
      form: string;
      record_id: string;
      answers_json: string;
      errors_json: string;
      created_at: string;
      updated_at: string;
    }>('SELECT * FROM media_drafts WHERE person_id = ? AND form = ? AND record_id = ?', [
      personId,
      form,
      recordId,
    ]);
    return r
      ? {
          personId: r.person_id,
          form: r.form as MediaForm,
          recordId: r.record_id,
          answers: JSON.parse(r.answers_json) as Record<string, string>,
          errors: JSON.parse(r.errors_json) as Record<string, Msg>,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        }
      : undefined;
  }

  async deleteDraft(personId: string, form: MediaForm, recordId: string): Promise<boolean> {
    const r = await this.sql.execute(
      'DELETE FROM media_drafts WHERE person_id = ? AND form = ? AND record_id = ?',
      [personId, form, recordId],
    );
    return r.changes === 1;
  }
}
