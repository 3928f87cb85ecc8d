// Staged imports of the contact directory (緊急連絡網 staged with their diff, applied on confirmation)
// and short-lived export links. Migration 9.
import type { ExportKind } from '../domain/directory-exports';
import type { SqlClient } from './sql';

export const STAGED_IMPORT_STATUSES = ['pending', 'applied', 'cancelled', 'superseded'] as const;
export type StagedImportStatus = (typeof STAGED_IMPORT_STATUSES)[number];

export interface StagedImport {
  id: number;
  csvText: string;
  /** sha256 of csvText. */
  sha256: string;
  /** sha256 of the canonical directory in force when this was staged (domain/directory-diff.ts). */
  baseSha256: string;
  /** What the card and the CLI show: diff, warnings, role losses on open cases (JSON). */
  diff: unknown;
  stagedBy: string;
  stagedAt: string;
  source: string;
  status: StagedImportStatus;
  decidedAt: string | null;
  decidedBy: string | null;
}

interface StagedRow {
  id: number;
  csv_text: string;
  sha256: string;
  base_sha256: string;
  diff_json: string;
  staged_by: string;
  staged_at: string;
  source: string;
  status: string;
  decided_at: string | null;
  decided_by: string | null;
}

const toStaged = (r: StagedRow): StagedImport => ({
  id: Number(r.id),
  csvText: r.csv_text,
  sha256: r.sha256,
  baseSha256: r.base_sha256,
  diff: JSON.parse(r.diff_json) as unknown,
  stagedBy: r.staged_by,
  stagedAt: r.staged_at,
  source: r.source,
  status: r.status as StagedImportStatus,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
});

export class DirectoryStageRepo {
  constructor(private readonly sql: SqlClient) {}

  async insert(s: Omit<StagedImport, 'id' | 'status' | 'decidedAt' | 'decidedBy'>): Promise<number> {
    const r = await this.sql.one<{ id: number }>(
      `INSERT INTO directory_staged_imports (csv_text, sha256, base_sha256, diff_json, staged_by, staged_at, source, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending') RETURNING id`,
      [s.csvText, s.sha256, s.baseSha256, JSON.stringify(s.diff), s.stagedBy, s.stagedAt, s.source],
    );
    return Number(r?.id);
  }

  async get(id: number): Promise<StagedImport | undefined> {
    const r = await this.sql.one<StagedRow>('SELECT * FROM directory_staged_imports WHERE id = ?', [id]);
    return r ? toStaged(r) : undefined;
  }

  async pendingIds(): Promise<number[]> {
    const rows = await this.sql.query<{ id: number }>(
      "SELECT id FROM directory_staged_imports WHERE status = 'pending' ORDER BY id",
    );
    return rows.map((r) => Number(r.id));
  }

  /** Compare-and-set from pending: true only for the one caller that decided it. */
  async decide(
    id: number,
    status: Exclude<StagedImportStatus, 'pending'>,
    at: string,
    by: string,
  ): Promise<boolean> {
    const r = await this.sql.execute(
      `UPDATE directory_staged_imports SET status = ?, decided_at = ?, decided_by = ?
       WHERE id = ? AND status = 'pending'`,
      [status, at, by, id],
    );
    return r.changes === 1;
  }
}

export interface ExportLink {
  tokenSha256: string;
  /** A directory export kind, `broadcast:<id>:<format>:<locale>` (services/broadcast-export-links.ts) or `ledger:<kind>:<from>:<to>:<format>:<locale>` (services/ledger-export-links.ts). */
  kind: ExportKind | `broadcast:${string}` | `ledger:${string}`;
  personId: string;
  createdAt: string;
  expiresAt: string;
  downloads: number;
  lastDownloadAt: string | null;
}

/** Export links: only the token's sha256 is stored, so the table alone opens no download. */
export class ExportLinkRepo {
  constructor(private readonly sql: SqlClient) {}

  async insert(l: Omit<ExportLink, 'downloads' | 'lastDownloadAt'>): Promise<void> {
    await this.sql.execute(
      `INSERT INTO directory_export_links (token_sha256, kind, person_id, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?)`,
      [l.tokenSha256, l.kind, l.personId, l.createdAt, l.expiresAt],
    );
  }

  async get(tokenSha256: string): Promise<ExportLink | undefined> {
    const r = await this.sql.one<{
      token_sha256: string;
      kind: string;
      person_id: string;
      created_at: string;
      expires_at: string;
      downloads: number;
      last_download_at: string | null;
    }>('SELECT * FROM directory_export_links WHERE token_sha256 = ?', [tokenSha256]);
    return r
      ? {
          tokenSha256: r.token_sha256,
          kind: r.kind as ExportLink['kind'],
          personId: r.person_id,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
          downloads: Number(r.downloads),
          lastDownloadAt: r.last_download_at,
        }
      : undefined;
  }

  async recordDownload(tokenSha256: string, at: string): Promise<void> {
    await this.sql.execute(
      'UPDATE directory_export_links SET downloads = downloads + 1, last_download_at = ? WHERE token_sha256 = ?',
      [at, tokenSha256],
    );
  }

  /** Links that expired before `at` are of no use to anyone: removed when new ones are made. */
  async deleteExpired(at: string): Promise<number> {
    return (await this.sql.execute('DELETE FROM directory_export_links WHERE expires_at < ?', [at])).changes;
  }
}
