// The directory sync from Microsoft Graph as a use case: read the directory in force, read every
// Graph user, propose. It changes nothing — no directory write, no import record — because the
// proposal is only a proposal: the IT管理者 reviews it (the staged import with its diff) and
// confirms, and that import is what is audited (directory.imported, 6ウ).
import type { Directory } from '../domain/directory';
import { parseDirectoryCsv, serializeDirectoryCsv, type CsvIssue } from '../domain/directory-csv';
import {
  proposeDirectoryFromGraph,
  type GraphDirectoryUser,
  type GraphSyncOptions,
  type GraphSyncProposal,
} from '../domain/graph-directory-sync';
import { DirectoryRepo } from '../storage/directory-repo';
import type { Database } from '../storage/sql';

/** Where the users come from (teams/graph-users.ts in production). Throws when Graph fails. */
export interface GraphUserSource {
  listUsers(tenantId: string): Promise<GraphDirectoryUser[]>;
}

export type GraphSyncResult =
  | {
      ok: true;
      proposal: GraphSyncProposal;
      /** The proposal as a directory CSV, which the import accepts as it is. */
      csv: string;
      /** The import's own warnings on it (no 代理者, no 上席者 …). */
      warnings: CsvIssue[];
      /** New users waiting for 氏名カナ, as directory rows with it empty; undefined when none. */
      needsKanaCsv: string | undefined;
    }
  | { ok: false; reason: 'no_directory' }
  | { ok: false; reason: 'invalid'; proposal: GraphSyncProposal; errors: CsvIssue[] };

export async function proposeDirectorySync(
  db: Database,
  source: GraphUserSource,
  opts: GraphSyncOptions & { tenantId: string },
): Promise<GraphSyncResult> {
  const current = await new DirectoryRepo(db).load();
  if (current.people.length === 0) return { ok: false, reason: 'no_directory' };
  const users = await source.listUsers(opts.tenantId);
  const proposal = proposeDirectoryFromGraph(current, users, opts);
  const csv = serializeDirectoryCsv(proposal.directory);
  // The same check the import makes: a proposal the import would refuse is reported, not handed on.
  const parsed = parseDirectoryCsv(csv);
  if (!parsed.ok) return { ok: false, reason: 'invalid', proposal, errors: parsed.errors };
  return {
    ok: true,
    proposal,
    csv,
    warnings: parsed.warnings,
    needsKanaCsv: proposal.needsKana.length > 0 ? needsKanaCsv(current, proposal) : undefined,
  };
}

/** The waiting people as directory rows (roles none, 氏名カナ empty), to fill in and read back with --kana. */
function needsKanaCsv(current: Directory, proposal: GraphSyncProposal): string {
  const codes = new Set(proposal.needsKana.map((p) => p.sectionCode));
  const sections = current.sections
    .filter((s) => codes.has(s.code))
    .map((s) => ({ ...s, officerId: null, deputyId: null, superiorId: null }));
  const order = new Map(sections.map((s, i) => [s.code, i]));
  const people = [...proposal.needsKana].sort(
    (a, b) => order.get(a.sectionCode)! - order.get(b.sectionCode)!,
  );
  return serializeDirectoryCsv({ sections, people });
}
