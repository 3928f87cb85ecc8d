// Directory → CSV, written by csv-stringify in the form Excel opens correctly.

import { stringify, type Options } from 'csv-stringify/sync';
import type { Directory, Person, Section } from '../directory';
import { DIRECTORY_CSV_COLUMNS, ROLE_FIELD, TARGETED_ROLES, type DirectoryCsvColumn } from './format';

const STRINGIFY_OPTIONS = {
  // Japanese Excel reads a UTF-8 CSV correctly only with a BOM; CRLF is what it writes itself.
  bom: true,
  record_delimiter: 'windows',
  header: true,
  columns: [...DIRECTORY_CSV_COLUMNS],
  // With a CRLF record delimiter csv-stringify would leave a value with a lone "\n" unquoted.
  quote_record_delimiter: true,
  // Quote a value with leading or trailing white space, so that it survives being read back.
  quoted_match: [/^\s|\s$/],
} satisfies Options;

/**
 * Writes the directory as CSV: BOM + CRLF (so Excel opens the Japanese text correctly), all
 * columns in DIRECTORY_CSV_COLUMNS order, one row per person in `dir.people` order. A value with
 * a comma, `"`, a line break or white space at either end is quoted, `"` doubled.
 *
 * Round trip: `parseDirectoryCsv(serializeDirectoryCsv(d))` deep-equals `d` for any directory the
 * parser returned. Sections come back in the order their first member appears, so a directory
 * built by hand round-trips when its sections are in that order.
 *
 * Throws on a directory the format cannot express (a section with no member, a person in an
 * unknown section, a role held by an unknown person): silently dropping part of the
 * emergency contact tree would be worse.
 */
export function serializeDirectoryCsv(dir: Directory, opts: { escapeFormulas?: boolean } = {}): string {
  // escapeFormulas (the Excel-friendly export): a cell starting with = + - @ gets a leading "'", so a
  // spreadsheet shows it as text and never runs it; the reader drops that quote (format.ts
  // ESCAPED_FORMULA), so the round trip holds either way.
  return stringify(directoryCsvRows(dir), {
    ...STRINGIFY_OPTIONS,
    escape_formulas: opts.escapeFormulas === true,
  });
}

/** The data rows of the CSV (no header), cells in DIRECTORY_CSV_COLUMNS order; also the XLSX 職員一覧. */
export function directoryCsvRows(dir: Directory): string[][] {
  checkExpressible(dir);
  const sectionByCode = new Map(dir.sections.map((s) => [s.code, s]));
  return dir.people.map((p) => {
    const section = sectionByCode.get(p.sectionCode);
    if (!section) {
      throw new Error(`serializeDirectoryCsv: person ${p.id} is in unknown section ${p.sectionCode}`);
    }
    const values = rowValues(dir, p, section);
    return DIRECTORY_CSV_COLUMNS.map((c) => values[c]);
  });
}

function checkExpressible(dir: Directory): void {
  const personIds = new Set(dir.people.map((p) => p.id));
  for (const s of dir.sections) {
    if (!dir.people.some((p) => p.sectionCode === s.code)) {
      throw new Error(`serializeDirectoryCsv: section ${s.code} has no member and cannot be written as CSV`);
    }
    for (const field of ['officerId', 'deputyId', 'superiorId'] as const) {
      const pid = s[field];
      if (pid !== null && !personIds.has(pid)) {
        throw new Error(`serializeDirectoryCsv: section ${s.code} ${field} refers to unknown person ${pid}`);
      }
    }
  }
}

function rowValues(dir: Directory, p: Person, section: Section): Record<DirectoryCsvColumn, string> {
  return {
    職員番号: p.id,
    氏名: p.name,
    氏名カナ: p.kana,
    課コード: p.sectionCode,
    課名: section.name,
    上位課コード: section.parentCode ?? '',
    役職: p.title,
    役割: roleTokens(dir, p).join(';'),
    aadObjectId: p.aadObjectId,
    UPN: p.upn,
    電話: p.phone,
    携帯: p.mobile,
  };
}

/** Section roles first (short form for the person's own section), then the organisation-wide ones. */
function roleTokens(dir: Directory, p: Person): string[] {
  const roles: string[] = [];
  for (const role of TARGETED_ROLES) {
    const field = ROLE_FIELD[role];
    const targets = dir.sections.filter((s) => s[field] === p.id).map((s) => s.code);
    if (targets.length === 0) continue;
    roles.push(targets.length === 1 && targets[0] === p.sectionCode ? role : `${role}:${targets.join('/')}`);
  }
  if (p.isChiefOfficer) roles.push('統括');
  if (p.isItAdmin) roles.push('IT管理者');
  return roles;
}
