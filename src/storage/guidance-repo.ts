// 13(3) guidance records (migration 19, domain/guidance.ts).
import { marks } from './sql-lists';
import type { GuidanceEntry, GuidanceStatus, SuspensionKind } from '../domain/guidance';
import type { SqlClient } from './sql';

interface Row {
  id: number;
  section_code: string;
  member_id: string;
  officer_id: string;
  rule: string;
  guidance: string;
  improve_by: string;
  status: string;
  suspension_kind: string | null;
  suspended_systems: string | null;
  suspended_from: string | null;
  decided_by: string | null;
  created_at: string;
  version: number;
}

export interface GuidanceRecord extends GuidanceEntry {
  createdAt: string;
  version: number;
  decidedBy: string | null;
}

function toRecord(r: Row): GuidanceRecord {
  return {
    id: Number(r.id),
    sectionCode: r.section_code,
    memberId: r.member_id,
    officerId: r.officer_id,
    rule: r.rule,
    guidance: r.guidance,
    improveBy: r.improve_by,
    status: r.status as GuidanceStatus,
    suspension:
      r.suspension_kind && r.suspended_systems && r.suspended_from
        ? {
            kind: r.suspension_kind as SuspensionKind,
            systems: r.suspended_systems,
            from: r.suspended_from,
            by: r.decided_by ?? '',
          }
        : null,
    decidedBy: r.decided_by,
    createdAt: r.created_at,
    version: Number(r.version),
  };
}

export class GuidanceRepo {
  constructor(private readonly sql: SqlClient) {}

  async insert(g: {
    sectionCode: string;
    memberId: string;
    officerId: string;
    rule: string;
    guidance: string;
    improveBy: string;
    at: string;
  }): Promise<number> {
    const row = await this.sql.one<{ id: number }>(
      `INSERT INTO policy_guidance (section_code, member_id, officer_id, rule, guidance, improve_by, status,
         created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, 'guided', ?, ?, 1) RETURNING id`,
      [g.sectionCode, g.memberId, g.officerId, g.rule, g.guidance, g.improveBy, g.at, g.at],
    );
    if (!row) throw new Error('policy_guidance insert returned no id');
    return Number(row.id);
  }

  async get(id: number): Promise<GuidanceRecord | undefined> {
    const r = await this.sql.one<Row>('SELECT * FROM policy_guidance WHERE id = ?', [id]);
    return r ? toRecord(r) : undefined;
  }

  /** Moves a 'guided' entry to its outcome; false when someone else decided first (version check). */
  async decide(
    id: number,
    expectedVersion: number,
    d: {
      status: Exclude<GuidanceStatus, 'guided'>;
      by: string;
      at: string;
      suspension?: { kind: SuspensionKind; systems: string; from: string };
    },
  ): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE policy_guidance SET status = ?, decided_by = ?, suspension_kind = ?, suspended_systems = ?,
         suspended_from = ?, updated_at = ?, version = version + 1
       WHERE id = ? AND version = ? AND status = 'guided'`,
      [
        d.status,
        d.by,
        d.suspension?.kind ?? null,
        d.suspension?.systems ?? null,
        d.suspension?.from ?? null,
        d.at,
        id,
        expectedVersion,
      ],
    );
    return r.changes === 1;
  }

  /** Newest first; `sections` null means every section (統括). */
  async list(
    filter: { sections: readonly string[] | null; memberId?: string },
    limit = 50,
  ): Promise<GuidanceRecord[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.sections !== null) {
      if (filter.sections.length === 0 && filter.memberId === undefined) return [];
      const parts: string[] = [];
      if (filter.sections.length > 0) {
        parts.push(`section_code IN (${marks(filter.sections.length)})`);
        params.push(...filter.sections);
      }
      if (filter.memberId !== undefined) {
        parts.push('member_id = ?');
        params.push(filter.memberId);
      }
      where.push(`(${parts.join(' OR ')})`);
    }
    const rows = await this.sql.query<Row>(
      `SELECT * FROM policy_guidance ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${Math.max(1, Math.min(200, Math.floor(limit)))}`,
      params,
    );
    return rows.map(toRecord);
  }
}
