// The counts behind the monthly compliance summary (13(1)), one GROUP BY per figure: nothing loads
// the cases themselves. Portable SQL; the one engine-specific piece is reading a JSON field of a
// case (form answers, decision state), written per engine by jsonText.
import { marks } from './sql-lists';
import { OPEN_CASE_STATUSES } from '../domain/cases';
import type { SqlClient } from './sql';

/**
 * A text field inside a JSON column: SQLite's json_extract, PostgreSQL's #>> on jsonb. Both give
 * NULL when the path is absent. `path` is a fixed list of identifiers from this file (never input).
 */
export function jsonText(engine: SqlClient['engine'], column: string, path: readonly string[]): string {
  for (const p of path) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(p)) throw new Error(`bad JSON path: ${p}`);
  return engine === 'postgres'
    ? `(${column}::jsonb #>> '{${path.join(',')}}')`
    : `json_extract(${column}, '$.${path.join('.')}')`;
}

export interface SectionCount {
  sectionCode: string;
  n: number;
}

const OPEN = marks(OPEN_CASE_STATUSES.length);

const counts = (rows: Array<{ section_code: string; n: number | bigint }>): SectionCount[] =>
  rows.map((r) => ({ sectionCode: r.section_code, n: Number(r.n) }));

export class ComplianceSummaryRepo {
  constructor(private readonly sql: SqlClient) {}

  /** Open incidents per section, with the oldest one's creation time and id. */
  async openIncidents(): Promise<
    Array<{ sectionCode: string; n: number; oldestAt: string; oldestId: string }>
  > {
    const totals = await this.sql.query<{ section_code: string; n: number | bigint; oldest: string }>(
      `SELECT section_code, COUNT(*) AS n, MIN(created_at) AS oldest FROM cases
       WHERE category = 'incident' AND status IN (${OPEN})
       GROUP BY section_code`,
      [...OPEN_CASE_STATUSES],
    );
    const oldest = await this.sql.query<{ section_code: string; id: string }>(
      `SELECT c.section_code, MIN(c.id) AS id FROM cases c
       WHERE c.category = 'incident' AND c.status IN (${OPEN})
         AND c.created_at = (SELECT MIN(c2.created_at) FROM cases c2
           WHERE c2.section_code = c.section_code AND c2.category = 'incident' AND c2.status IN (${OPEN}))
       GROUP BY c.section_code`,
      [...OPEN_CASE_STATUSES, ...OPEN_CASE_STATUSES],
    );
    const ids = new Map(oldest.map((r) => [r.section_code, r.id]));
    return totals.map((r) => ({
      sectionCode: r.section_code,
      n: Number(r.n),
      oldestAt: r.oldest,
      oldestId: ids.get(r.section_code) ?? '',
    }));
  }

  /** Cases nobody has acted on yet (still 'submitted') whose acknowledgement deadline has passed. */
  async overdueAcks(now: string): Promise<SectionCount[]> {
    return counts(
      await this.sql.query(
        `SELECT section_code, COUNT(*) AS n FROM cases
         WHERE status = 'submitted' AND ack_due_at IS NOT NULL AND ack_due_at < ?
         GROUP BY section_code`,
        [now],
      ),
    );
  }

  /** Approved take-outs whose return date is before `today` (JST) and whose return nobody confirmed. */
  async overdueReturns(today: string): Promise<SectionCount[]> {
    const e = this.sql.engine;
    return counts(
      await this.sql.query(
        `SELECT section_code, COUNT(*) AS n FROM cases
         WHERE kind = 'takeout' AND status = 'approved'
           AND ${jsonText(e, 'state_json', ['returnedAt'])} IS NULL
           AND ${jsonText(e, 'form_json', ['value', 'returnDate'])} < ?
         GROUP BY section_code`,
        [today],
      ),
    );
  }

  /**
   * Approved exceptions by the end of their period: already ended (before `today`), and ending from
   * `today` up to and including `until` (JST dates).
   */
  async exceptions(
    today: string,
    until: string,
  ): Promise<Array<{ sectionCode: string; expired: number; expiring: number }>> {
    const end = jsonText(this.sql.engine, 'form_json', ['value', 'periodEnd']);
    const rows = await this.sql.query<{
      section_code: string;
      expired: number | bigint | null;
      expiring: number | bigint | null;
    }>(
      `SELECT section_code,
         SUM(CASE WHEN ${end} < ? THEN 1 ELSE 0 END) AS expired,
         SUM(CASE WHEN ${end} >= ? AND ${end} <= ? THEN 1 ELSE 0 END) AS expiring
       FROM cases
       WHERE kind = 'exception' AND status = 'approved' AND ${end} IS NOT NULL AND ${end} <= ?
       GROUP BY section_code`,
      [today, today, until, until],
    );
    return rows.map((r) => ({
      sectionCode: r.section_code,
      expired: Number(r.expired ?? 0),
      expiring: Number(r.expiring ?? 0),
    }));
  }

  /** Broadcasts sent (and not recalled) in [from, to), with their answer specification. */
  async sentBroadcasts(
    from: string,
    to: string,
  ): Promise<Array<{ id: string; mode: string; sentAt: string; answerJson: string }>> {
    const rows = await this.sql.query<{ id: string; mode: string; sent_at: string; answer_json: string }>(
      `SELECT id, mode, sent_at, answer_json FROM broadcasts
       WHERE status = 'sent' AND sent_at >= ? AND sent_at < ? ORDER BY sent_at, id`,
      [from, to],
    );
    return rows.map((r) => ({ id: r.id, mode: r.mode, sentAt: r.sent_at, answerJson: r.answer_json }));
  }

  /** Recipients and those who answered (at least once), per broadcast and section. */
  async answerCounts(
    broadcastIds: readonly string[],
  ): Promise<Array<{ broadcastId: string; sectionCode: string; targeted: number; answered: number }>> {
    if (broadcastIds.length === 0) return [];
    const rows = await this.sql.query<{
      broadcast_id: string;
      section_code: string;
      targeted: number | bigint;
      answered: number | bigint;
    }>(
      `SELECT broadcast_id, section_code, COUNT(*) AS targeted, COUNT(first_answered_at) AS answered
       FROM broadcast_recipients WHERE broadcast_id IN (${marks(broadcastIds.length)})
       GROUP BY broadcast_id, section_code`,
      [...broadcastIds],
    );
    return rows.map((r) => ({
      broadcastId: r.broadcast_id,
      sectionCode: r.section_code,
      targeted: Number(r.targeted),
      answered: Number(r.answered),
    }));
  }
}
