// Staged import of the contact directory (緊急連絡網, 6ウ: the IT管理者 keeps it). An import is first
// staged — parsed all-or-nothing, diffed against the directory in force, with the people who would
// lose a role while open cases are theirs — and applied only when the IT管理者 confirms it, against
// the very directory it was diffed with. Every step and every refusal is audited.
import { createHash } from 'node:crypto';
import type { Clock } from '../domain/clock';
import type { Directory, Person } from '../domain/directory';
import { parseDirectoryCsv, serializeDirectoryCsv, type CsvIssue } from '../domain/directory-csv';
import {
  canonicalDirectory,
  diffCounts,
  diffDirectories,
  isEmptyDiff,
  roleLossesOnOpenCases,
  type DirectoryDiff,
  type RoleLossOnOpenCases,
} from '../domain/directory-diff';
import { DEFAULT_PEOPLE_CHANGE_DUE_DAYS } from '../domain/people-change';
import { AuditRepo } from '../storage/audit-repo';
import { directoryCsv } from './directory-export';
import { openPeopleChangeDuties } from './people-change-service';
import { CaseRepo } from '../storage/case-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import {
  DirectoryStageRepo,
  type StagedImport,
  type StagedImportStatus,
} from '../storage/directory-stage-repo';
import type { Database, SqlClient } from '../storage/sql';

/**
 * Who acts: a person of the directory, identified by the aadObjectId Teams sent (re-checked against
 * the directory in force at every step), or the operator's command line (who holds the database
 * itself, so the directory grants them nothing more).
 */
export type DirectoryActor = { kind: 'person'; aadObjectId: string } | { kind: 'cli' };

export const CLI_ACTOR = 'admin-cli';

/** What a staged import shows before it is applied (stored with it as diff_json). */
export interface StagedView {
  diff: DirectoryDiff;
  warnings: CsvIssue[];
  losses: RoleLossOnOpenCases[];
  people: number;
  sections: number;
}

/** Where an import was refused: opening the card, a file sent in the chat, staging, a click. */
export type ImportStep = 'open' | 'file' | 'stage' | 'apply' | 'cancel';

export type DeniedReason =
  | 'not_it_admin'
  | 'not_found'
  | 'not_yours'
  | 'directory_changed'
  | 'invalid'
  | Exclude<StagedImportStatus, 'pending'>;

export type StageResult =
  | { ok: false; reason: 'not_it_admin' }
  | { ok: false; reason: 'invalid'; errors: CsvIssue[] }
  | { ok: true; unchanged: true; warnings: CsvIssue[] }
  | { ok: true; unchanged: false; stagedId: number; view: StagedView; superseded: number[] };

export type DecideResult =
  | { ok: false; reason: DeniedReason }
  | {
      ok: true;
      staged: StagedImport;
      view: StagedView;
      /** Duties the import opened for people removed or moved (applied imports only). */
      dutiesOpened?: number;
    };

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The fingerprint of a directory: equal for equal directories, whatever the row order. */
export function directoryFingerprint(dir: Directory): string {
  return sha256(canonicalDirectory(dir));
}

/**
 * Who acts, from the directory in force: the audit name (person id, `aad:<id>` for someone not in
 * the directory, or the CLI) and whether they are IT管理者 there (deny by default).
 */
async function resolveActor(
  sql: SqlClient,
  actor: DirectoryActor,
): Promise<{ by: string; allowed: boolean }> {
  if (actor.kind === 'cli') return { by: CLI_ACTOR, allowed: true };
  const p: Person | undefined = await new DirectoryRepo(sql).personByAadObjectId(actor.aadObjectId);
  return { by: p ? p.id : `aad:${actor.aadObjectId.toLowerCase()}`, allowed: p?.isItAdmin === true };
}

async function denied(
  sql: SqlClient,
  clock: Clock,
  actor: string,
  step: ImportStep,
  reason: DeniedReason,
  stagedId?: number,
): Promise<{ ok: false; reason: DeniedReason }> {
  await new AuditRepo(sql).append({
    at: clock.now().toISOString(),
    actor,
    event: 'directory.import_denied',
    subject: 'directory',
    article: '6ウ',
    data: { step, reason, ...(stagedId === undefined ? {} : { stagedId }) },
  });
  return { ok: false, reason };
}

/** Everyone each open case is with: assignee, recipients, people it was escalated to. */
async function openCasePeople(sql: SqlClient): Promise<Array<{ id: string; personIds: string[] }>> {
  const cases = new CaseRepo(sql);
  const out: Array<{ id: string; personIds: string[] }> = [];
  // Two queries whatever the number of open cases (not one per case).
  const recipients = await cases.openCaseRecipientIds();
  for (const c of await cases.listOpen()) {
    const ids = new Set<string>();
    if (c.assigneeId) ids.add(c.assigneeId);
    for (const id of recipients.get(c.id) ?? []) ids.add(id);
    const escalated = (c.state as { escalatedTo?: unknown }).escalatedTo;
    if (Array.isArray(escalated)) for (const id of escalated) if (typeof id === 'string') ids.add(id);
    out.push({ id: c.id, personIds: [...ids] });
  }
  return out;
}

/**
 * Stages an import: the CSV text (or a directory, written as CSV) is parsed all-or-nothing and
 * diffed against the directory in force; a newer stage supersedes every older pending one. Nothing
 * in the directory changes. Only an IT管理者 (or the CLI) may stage; a refusal is audited.
 */
export async function stageDirectoryImport(
  db: Database,
  clock: Clock,
  input: { csv: string } | { directory: Directory },
  opts: { source: string; actor: DirectoryActor },
): Promise<StageResult> {
  const csv = 'csv' in input ? input.csv : serializeDirectoryCsv(input.directory);
  return db.transaction(async (tx): Promise<StageResult> => {
    const { by, allowed } = await resolveActor(tx, opts.actor);
    if (!allowed) {
      await denied(tx, clock, by, 'stage', 'not_it_admin');
      return { ok: false, reason: 'not_it_admin' };
    }
    const parsed = parseDirectoryCsv(csv);
    if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
    const current = await new DirectoryRepo(tx).load();
    const diff = diffDirectories(current, parsed.directory);
    if (isEmptyDiff(diff)) return { ok: true, unchanged: true, warnings: parsed.warnings };
    const view: StagedView = {
      diff,
      warnings: parsed.warnings,
      losses: roleLossesOnOpenCases(diff, await openCasePeople(tx)),
      people: parsed.directory.people.length,
      sections: parsed.directory.sections.length,
    };
    const at = clock.now().toISOString();
    const stages = new DirectoryStageRepo(tx);
    const superseded: number[] = [];
    for (const id of await stages.pendingIds()) {
      if (await stages.decide(id, 'superseded', at, by)) superseded.push(id);
    }
    const csvSha = sha256(csv);
    const baseSha256 = directoryFingerprint(current);
    const stagedId = await stages.insert({
      csvText: csv,
      sha256: csvSha,
      baseSha256,
      diff: view,
      stagedBy: by,
      stagedAt: at,
      source: opts.source,
    });
    await new AuditRepo(tx).append({
      at,
      actor: by,
      event: 'directory.import_staged',
      subject: 'directory',
      article: '6ウ',
      data: {
        stagedId,
        source: opts.source,
        sha256: csvSha,
        baseSha256,
        counts: diffCounts(diff),
        rolesLostOnOpenCases: view.losses.map((l) => ({ personId: l.id, caseIds: l.caseIds })),
        superseded,
      },
    });
    return { ok: true, unchanged: false, stagedId, view, superseded };
  });
}

/**
 * The checks of a decision on a staged import, in order: the actor is an IT管理者 of the directory
 * in force (not merely when they staged it); the staged import exists, is theirs and still pending.
 */
async function checkDecision(
  tx: SqlClient,
  clock: Clock,
  stagedId: number,
  actor: DirectoryActor,
  step: 'apply' | 'cancel',
): Promise<{ ok: false; reason: DeniedReason } | { ok: true; staged: StagedImport; by: string }> {
  const { by, allowed } = await resolveActor(tx, actor);
  if (!allowed) return denied(tx, clock, by, step, 'not_it_admin', stagedId);
  const staged = await new DirectoryStageRepo(tx).get(stagedId);
  if (!staged) return denied(tx, clock, by, step, 'not_found', stagedId);
  // Bound to whoever staged it: the card with the diff went to them alone, and an id is guessable.
  if (staged.stagedBy !== by) return denied(tx, clock, by, step, 'not_yours', stagedId);
  if (staged.status !== 'pending') return denied(tx, clock, by, step, staged.status, stagedId);
  return { ok: true, staged, by };
}

/**
 * Applies a staged import all-or-nothing, only if the directory in force is still the one it was
 * diffed with (else: stage again, so the IT管理者 sees what would really change). Audited as
 * `directory.imported` in the same transaction as the change, which also opens the duties of the
 * people it removes or moves (10(4)④, 11(1)①, 10(9)③; services/people-change-service.ts).
 */
export async function applyStagedImport(
  db: Database,
  clock: Clock,
  stagedId: number,
  actor: DirectoryActor,
  opts: { dutyDueDays?: number } = {},
): Promise<DecideResult> {
  return db.transaction(async (tx): Promise<DecideResult> => {
    const check = await checkDecision(tx, clock, stagedId, actor, 'apply');
    if (!check.ok) return check;
    const { staged, by } = check;
    const repo = new DirectoryRepo(tx);
    if (directoryFingerprint(await repo.load()) !== staged.baseSha256)
      return denied(tx, clock, by, 'apply', 'directory_changed', stagedId);
    const parsed = parseDirectoryCsv(staged.csvText);
    if (!parsed.ok) return denied(tx, clock, by, 'apply', 'invalid', stagedId);
    const at = clock.now().toISOString();
    if (!(await new DirectoryStageRepo(tx).decide(stagedId, 'applied', at, by)))
      return denied(tx, clock, by, 'apply', 'not_found', stagedId);
    const { directory } = parsed;
    await repo.replaceAll(directory);
    await repo.recordImport({
      importedAt: at,
      importedBy: by,
      source: staged.source,
      sha256: staged.sha256,
      peopleCount: directory.people.length,
      sectionsCount: directory.sections.length,
    });
    const view = staged.diff as StagedView;
    // The diff was made against the directory in force (fingerprint checked above).
    const duties = await openPeopleChangeDuties(tx, view.diff, directory, {
      importId: String(stagedId),
      at: clock.now(),
      dueDays: opts.dutyDueDays ?? DEFAULT_PEOPLE_CHANGE_DUE_DAYS,
      actor: by,
    });
    await new AuditRepo(tx).append({
      at,
      actor: by,
      event: 'directory.imported',
      subject: 'directory',
      article: '6ウ',
      data: {
        stagedId,
        source: staged.source,
        sha256: staged.sha256,
        people: directory.people.length,
        sections: directory.sections.length,
        counts: diffCounts(view.diff),
        duties: duties.map((d) => d.id),
      },
    });
    return {
      ok: true,
      staged: { ...staged, status: 'applied', decidedAt: at, decidedBy: by },
      view,
      dutiesOpened: duties.length,
    };
  });
}

/** Cancels a pending staged import; nothing in the directory changes. Audited. */
export async function cancelStagedImport(
  db: Database,
  clock: Clock,
  stagedId: number,
  actor: DirectoryActor,
): Promise<DecideResult> {
  return db.transaction(async (tx): Promise<DecideResult> => {
    const check = await checkDecision(tx, clock, stagedId, actor, 'cancel');
    if (!check.ok) return check;
    const { staged, by } = check;
    const at = clock.now().toISOString();
    if (!(await new DirectoryStageRepo(tx).decide(stagedId, 'cancelled', at, by)))
      return denied(tx, clock, by, 'cancel', 'not_found', stagedId);
    await new AuditRepo(tx).append({
      at,
      actor: by,
      event: 'directory.import_cancelled',
      subject: 'directory',
      article: '6ウ',
      data: { stagedId, source: staged.source, sha256: staged.sha256 },
    });
    return {
      ok: true,
      staged: { ...staged, status: 'cancelled', decidedAt: at, decidedBy: by },
      view: staged.diff as StagedView,
    };
  });
}

export type PreviewResult =
  { ok: false; errors: CsvIssue[] } | { ok: true; unchanged: boolean; view: StagedView };

/** What an import would change, without staging anything (the CLI's `diff`). Read-only. */
export async function previewDirectoryImport(db: Database, csv: string): Promise<PreviewResult> {
  const parsed = parseDirectoryCsv(csv);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const diff = diffDirectories(await new DirectoryRepo(db).load(), parsed.directory);
  return {
    ok: true,
    unchanged: isEmptyDiff(diff),
    view: {
      diff,
      warnings: parsed.warnings,
      losses: roleLossesOnOpenCases(diff, await openCasePeople(db)),
      people: parsed.directory.people.length,
      sections: parsed.directory.sections.length,
    },
  };
}

/**
 * The bytes of an uploaded or given file as text: UTF-8 (with or without BOM), else Shift_JIS — what
 * Japanese Excel writes for 「CSV (コンマ区切り)」. Anything else is refused rather than misread.
 */
export function decodeCsvBytes(
  bytes: Uint8Array,
): { ok: true; text: string; encoding: 'utf-8' | 'shift_jis' } | { ok: false } {
  for (const encoding of ['utf-8', 'shift_jis'] as const) {
    try {
      return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      // not this encoding
    }
  }
  return { ok: false };
}

/**
 * May this person import (IT管理者 of the directory in force)? A refusal is audited with the step —
 * e.g. `file` before anything sent in the chat is downloaded.
 */
export async function mayImportDirectory(
  db: Database,
  clock: Clock,
  actor: DirectoryActor,
  step: 'open' | 'file',
): Promise<boolean> {
  const { by, allowed } = await resolveActor(db, actor);
  if (!allowed) await denied(db, clock, by, step, 'not_it_admin');
  return allowed;
}

export interface ImportCardContext {
  people: number;
  sections: number;
  lastImport: { at: string; by: string } | undefined;
  /** The directory in force as CSV (no BOM), when it is at most `maxBytes` long; else null. */
  csvForEditing: string | null;
}

/** What the 連絡網の取込 card shows: the directory in force and, if small, its CSV to edit. IT管理者 only. */
export async function openDirectoryImport(
  db: Database,
  clock: Clock,
  actor: DirectoryActor,
  opts: { maxBytes: number },
): Promise<{ ok: false } | { ok: true; context: ImportCardContext }> {
  if (!(await mayImportDirectory(db, clock, actor, 'open'))) return { ok: false };
  const repo = new DirectoryRepo(db);
  const dir = await repo.load();
  const last = await repo.lastImport();
  let csv: string | null = null;
  if (dir.people.length > 0) {
    const text = directoryCsv(dir).replace(/^\uFEFF/, '');
    csv = Buffer.byteLength(text, 'utf8') <= opts.maxBytes ? text : null;
  }
  return {
    ok: true,
    context: {
      people: dir.people.length,
      sections: dir.sections.length,
      lastImport: last ? { at: last.importedAt, by: last.importedBy } : undefined,
      csvForEditing: csv,
    },
  };
}
