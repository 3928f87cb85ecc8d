import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Clock } from '../domain/clock';
import { parseDirectoryCsv, type CsvIssue } from '../domain/directory-csv';
import { diffDirectories } from '../domain/directory-diff';
import { DEFAULT_PEOPLE_CHANGE_DUE_DAYS } from '../domain/people-change';
import type { Database } from '../storage/sql';
import { AuditRepo } from '../storage/audit-repo';
import { lockForTransaction } from '../storage/locks';
import { DirectoryRepo } from '../storage/directory-repo';
import { openPeopleChangeDuties } from './people-change-service';

export type ImportResult =
  | {
      ok: true;
      changed: boolean;
      people: number;
      sections: number;
      warnings: CsvIssue[];
      /** Duties opened for people the import removed or moved (domain/people-change.ts). */
      dutiesOpened?: number;
    }
  | { ok: false; errors: CsvIssue[] };

/**
 * Imports the contact directory (緊急連絡網, 6ウ) all-or-nothing: a file with any problem is
 * rejected with every problem listed, and the previous directory stays in force.
 */
export async function importDirectory(
  db: Database,
  csvText: string,
  opts: {
    source: string;
    actor: string;
    clock: Clock;
    force?: boolean;
    /** Days to the due date of the people-change duties (運用ルール); default 14. */
    dutyDueDays?: number;
    /**
     * Unchanged means "the same as the last import from this source" rather than "as the last import":
     * the start-up file does not undo an import made since from Teams or the command line.
     */
    sameSourceOnly?: boolean;
  },
): Promise<ImportResult> {
  const parsed = parseDirectoryCsv(csvText);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const sha256 = createHash('sha256').update(csvText).digest('hex');
  const { directory } = parsed;
  return db.transaction(async (tx) => {
    // Two instances starting at once both import the start-up file: the second waits for the
    // first and then finds it unchanged (instead of a duplicate key in the middle of a replace).
    await lockForTransaction(tx, 'directoryImport');
    const repo = new DirectoryRepo(tx);
    const last = opts.sameSourceOnly ? await repo.lastImportFrom(opts.source) : await repo.lastImport();
    if (!opts.force && last?.sha256 === sha256) {
      return {
        ok: true as const,
        changed: false,
        people: directory.people.length,
        sections: directory.sections.length,
        warnings: parsed.warnings,
      };
    }
    const at = opts.clock.now().toISOString();
    const before = await repo.load();
    await repo.replaceAll(directory);
    await repo.recordImport({
      importedAt: at,
      importedBy: opts.actor,
      source: opts.source,
      sha256,
      peopleCount: directory.people.length,
      sectionsCount: directory.sections.length,
    });
    // The first import (no directory before) moves nobody; later ones open the people-change duties.
    const duties =
      before.people.length === 0
        ? []
        : await openPeopleChangeDuties(tx, diffDirectories(before, directory), directory, {
            importId: `sha256:${sha256.slice(0, 16)}`,
            at: opts.clock.now(),
            dueDays: opts.dutyDueDays ?? DEFAULT_PEOPLE_CHANGE_DUE_DAYS,
            actor: opts.actor,
          });
    await new AuditRepo(tx).append({
      at,
      actor: opts.actor,
      event: 'directory.imported',
      subject: 'directory',
      article: '6ウ',
      data: {
        source: opts.source,
        sha256,
        people: directory.people.length,
        sections: directory.sections.length,
        duties: duties.map((d) => d.id),
      },
    });
    return {
      ok: true as const,
      changed: true,
      people: directory.people.length,
      sections: directory.sections.length,
      warnings: parsed.warnings,
      dutiesOpened: duties.length,
    };
  });
}

export class DirectoryUnavailableError extends Error {}

/**
 * Start-up: load DIRECTORY_CSV when it changed since it was last imported from that file (an import
 * made meanwhile in Teams or with the CLI stays in force until the file itself changes). A bad file
 * never replaces a working directory; with no directory at all the bot cannot route anything and
 * refuses to start.
 */
export async function loadDirectoryAtStartup(
  db: Database,
  file: string,
  clock: Clock,
  opts: { dutyDueDays?: number } = {},
): Promise<{ result: ImportResult; kept: boolean }> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const people = await new DirectoryRepo(db).countPeople();
    if (people > 0) {
      return {
        result: {
          ok: false,
          errors: [{ line: 0, message: `ファイルを読めません: ${(err as Error).message}` }],
        },
        kept: true,
      };
    }
    throw new DirectoryUnavailableError(`DIRECTORY_CSV: cannot read ${file}: ${(err as Error).message}`);
  }
  const result = await importDirectory(db, text, {
    source: file,
    actor: 'system',
    clock,
    sameSourceOnly: true,
    dutyDueDays: opts.dutyDueDays,
  });
  if (result.ok) return { result, kept: false };
  const people = await new DirectoryRepo(db).countPeople();
  if (people === 0) {
    throw new DirectoryUnavailableError(
      `DIRECTORY_CSV: ${file} was rejected and no previous directory exists:\n` +
        result.errors.map((e) => `  ${e.line}行目: ${e.message}`).join('\n'),
    );
  }
  return { result, kept: true };
}
