// Contact directory CSV (緊急連絡網, 6ウ): the file the IT管理者 keeps and uploads.
// Pure: text in, Directory (or every problem found) out. Reading the file lives elsewhere.
//
// Format: UTF-8 with or without BOM, CRLF or LF, RFC 4180 quoting (quoted fields may hold
// commas, doubled quotes and newlines), blank lines ignored. One row per person; sections are
// derived from the rows. The import is all-or-nothing: a directory that routes incident reports
// must not be half-loaded, so every problem is collected and nothing is returned unless all is well.
//
// The jobs, in reading order: tokenize (csv-parse → records with line numbers, quoting problems),
// header (which column is where), row-rules (one row → a person and role claims), file-rules
// (hierarchy, section roles, organisation-wide roles); serialize writes the file back.

import { readHeader } from './header';
import { emptyRowsSoFar, readRow, type RowReading } from './row-rules';
import { applyFileRules } from './file-rules';
import { issueAt, sortIssues, type CsvIssue, type DirectoryCsvResult } from './format';
import { tokenizeCsv } from './tokenize';

export {
  DIRECTORY_CSV_COLUMNS,
  DIRECTORY_CSV_ROLES,
  REQUIRED_DIRECTORY_CSV_COLUMNS,
  type CsvIssue,
  type DirectoryCsvColumn,
  type DirectoryCsvResult,
  type DirectoryCsvRole,
} from './format';
export { directoryCsvRows, serializeDirectoryCsv } from './serialize';

/** Parses and validates the directory CSV. Returns the directory only if the whole file is valid. */
export function parseDirectoryCsv(text: string): DirectoryCsvResult {
  const errors: CsvIssue[] = [];
  const warnings: CsvIssue[] = [];
  const [header, ...rows] = tokenizeCsv(text, errors);
  if (!header) {
    if (errors.length === 0) {
      errors.push(
        issueAt(1, 'ファイルが空です。1行目に列名（ヘッダー）、2行目以降に職員を1行ずつ入力してください。'),
      );
    }
    return { ok: false, errors: sortIssues(errors) };
  }
  const columns = readHeader(header, errors);
  if (!columns) return { ok: false, errors: sortIssues(errors) };
  if (rows.length === 0) {
    errors.push(
      issueAt(header.line, '職員の行がありません。ヘッダーの次の行から職員を1行ずつ入力してください。'),
    );
    return { ok: false, errors: sortIssues(errors) };
  }

  const soFar = emptyRowsSoFar();
  const readings: RowReading[] = [];
  for (const row of rows) {
    if (row.broken) continue; // already reported by the tokenizer
    const reading = readRow(row, columns, soFar, errors);
    if (reading) readings.push(reading);
  }
  const sections = applyFileRules(
    { soFar, readings, hasRoleColumn: columns.index.has('役割') },
    errors,
    warnings,
  );

  if (errors.length > 0) return { ok: false, errors: sortIssues(errors) };
  const people = readings.flatMap((r) => (r.person ? [r.person] : []));
  return { ok: true, directory: { sections, people }, warnings: sortIssues(warnings) };
}
