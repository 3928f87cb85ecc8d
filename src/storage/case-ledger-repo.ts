// The reads behind the case-derived ledgers (services/case-ledger-sources.ts): cases of some kinds
// and statuses, filtered by section and a half-open period of created_at and paged by keyset over
// (created_at, id), all in portable SQL (the same text runs on PostgreSQL). Names and audit events
// are looked up for one page at a time, never for the whole ledger.
import { marks } from './sql-lists';
import type { LedgerPage, LedgerQuery } from '../domain/ledgers';
import type { SqlClient, SqlValue } from './sql';

export interface LedgerCaseRow {
  id: string;
  kind: string;
  status: string;
  reporter_id: string;
  section_code: string;
  form_json: string;
  state_json: string;
  created_at: string;
  /** Set when retention blanked the case's typed texts. */
  purged_at: string | null;
}

export interface CaseLedgerFilter {
  kinds: readonly string[];
  statuses?: readonly string[];
}

export interface CaseAuditEvent {
  subject: string;
  event: string;
  actor: string;
  at: string;
}

/** WHERE clause and parameters; null when the query can match nothing (no sections in scope). */
function where(
  f: CaseLedgerFilter,
  q: LedgerQuery,
  bounds: { atLeast?: string; atMost?: string } = {},
): { sql: string; params: SqlValue[] } | null {
  if (q.sections !== 'all' && q.sections.length === 0) return null;
  const parts = [`kind IN (${marks(f.kinds.length)})`];
  const params: SqlValue[] = [...f.kinds];
  if (f.statuses) {
    parts.push(`status IN (${marks(f.statuses.length)})`);
    params.push(...f.statuses);
  }
  if (q.sections !== 'all') {
    parts.push(`section_code IN (${marks(q.sections.length)})`);
    params.push(...q.sections);
  }
  // One lower and one upper bound on created_at, the tighter of the period's and the keyset's: a
  // second bound would not narrow the index range (SQLite uses only one), and a page deep into the
  // ledger would scan every row before it.
  const lower =
    q.from !== undefined && (bounds.atLeast === undefined || q.from > bounds.atLeast)
      ? q.from
      : bounds.atLeast;
  if (lower !== undefined) {
    parts.push('created_at >= ?');
    params.push(lower);
  }
  if (bounds.atMost !== undefined && (q.to === undefined || bounds.atMost < q.to)) {
    parts.push('created_at <= ?');
    params.push(bounds.atMost);
  } else if (q.to !== undefined) {
    parts.push('created_at < ?');
    params.push(q.to);
  }
  return { sql: parts.join(' AND '), params };
}

export class CaseLedgerRepo {
  constructor(private readonly sql: SqlClient) {}

  async count(f: CaseLedgerFilter, q: LedgerQuery): Promise<number> {
    const w = where(f, q);
    if (!w) return 0;
    const r = await this.sql.one<{ n: number | bigint }>(
      `SELECT COUNT(*) AS n FROM cases WHERE ${w.sql}`,
      w.params,
    );
    return Number(r?.n ?? 0);
  }

  async page(f: CaseLedgerFilter, q: LedgerQuery, p: LedgerPage): Promise<LedgerCaseRow[]> {
    // Rows after the keyset are at or after (asc) / at or before (desc) its time: that bound starts
    // the index range at the keyset.
    const w = where(
      f,
      q,
      p.after ? (p.order === 'asc' ? { atLeast: p.after.at } : { atMost: p.after.at }) : {},
    );
    if (!w || p.limit <= 0) return [];
    const params = [...w.params];
    let keyset = '';
    if (p.after) {
      // Strictly after the last row of the previous page in this order (row-value comparison is
      // spelled out: portable and index-friendly).
      const cmp = p.order === 'asc' ? '>' : '<';
      keyset = ` AND (created_at ${cmp} ? OR (created_at = ? AND id ${cmp} ?))`;
      params.push(p.after.at, p.after.at, p.after.key);
    }
    const dir = p.order === 'asc' ? 'ASC' : 'DESC';
    params.push(Math.floor(p.limit));
    return this.sql.query<LedgerCaseRow>(
      `SELECT id, kind, status, reporter_id, section_code, form_json, state_json, created_at, purged_at
       FROM cases WHERE ${w.sql}${keyset}
       ORDER BY created_at ${dir}, id ${dir} LIMIT ?`,
      params,
    );
  }

  /**
   * Cases of `kinds` in a finished status, created before `cutoff`, not purged yet: the candidates
   * of a retention run (the caller decides per case, e.g. a take-out only once returned).
   */
  async purgeCandidates(
    kinds: readonly string[],
    statuses: readonly string[],
    cutoff: string,
  ): Promise<Array<Pick<LedgerCaseRow, 'id' | 'kind' | 'status' | 'form_json' | 'state_json'>>> {
    if (kinds.length === 0 || statuses.length === 0) return [];
    return this.sql.query(
      `SELECT id, kind, status, form_json, state_json FROM cases
       WHERE kind IN (${marks(kinds.length)}) AND status IN (${marks(statuses.length)})
         AND created_at < ? AND purged_at IS NULL ORDER BY id`,
      [...kinds, ...statuses, cutoff],
    );
  }

  async markPurged(id: string, formJson: string, stateJson: string, at: string): Promise<void> {
    await this.sql.execute(
      'UPDATE cases SET form_json = ?, state_json = ?, purged_at = ?, updated_at = ?, version = version + 1 WHERE id = ?',
      [formJson, stateJson, at, at, id],
    );
  }

  /** Names of these people (by person id); ids not in the directory are left out. */
  async peopleNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.sql.query<{ id: string; name: string }>(
      `SELECT id, name FROM people WHERE id IN (${marks(unique.length)})`,
      unique,
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async sectionNames(codes: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows = await this.sql.query<{ code: string; name: string }>(
      `SELECT code, name FROM sections WHERE code IN (${marks(unique.length)})`,
      unique,
    );
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /**
   * The audit events of these names about these cases, oldest first. Selected by subject only and
   * filtered here: with `event IN (...)` in the WHERE clause SQLite (without ANALYZE statistics)
   * walks the event index — every approval in the trail, for each page — instead of the subject
   * index; a case has few events, so reading all of a page's cases' events is cheap.
   */
  async events(caseIds: readonly string[], events: readonly string[]): Promise<CaseAuditEvent[]> {
    if (caseIds.length === 0 || events.length === 0) return [];
    const wanted = new Set(events);
    const rows = await this.sql.query<CaseAuditEvent>(
      `SELECT subject, event, actor, at FROM audit_log
       WHERE subject IN (${marks(caseIds.length)})
       ORDER BY id`,
      [...caseIds],
    );
    return rows.filter((r) => wanted.has(r.event));
  }
}
