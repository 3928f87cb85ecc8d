// The directory CSV format itself: its columns, its role tokens and the shape of a problem report.
// Shared by the reader (tokenize → header → row rules → file rules) and the writer (serialize).

import type { ArticleId } from '../articles';
import type { Directory } from '../directory';

/**
 * Header names, in the order `serializeDirectoryCsv` writes them. Parsing matches by name
 * (after trimming), so the order in an uploaded file is free.
 *
 * - 職員番号     required, unique, half-width letters/digits/hyphen, 1–20 chars (→ Person.id)
 * - 氏名         required (→ Person.name)
 * - 氏名カナ     required, katakana and spaces; half-width kana are converted (NFKC) (→ Person.kana)
 * - 課コード     required, half-width letters/digits/hyphen, 1–10 chars (→ Person.sectionCode, Section.code)
 * - 課名         required, must be the same on every row of the same 課コード (→ Section.name)
 * - 上位課コード optional, empty = top level; must be some row's 課コード; no cycles (→ Section.parentCode)
 * - 役職         optional free text, e.g. 課長 (→ Person.title)
 * - 役割         optional, tokens separated by `;` `；` `、`: 課責任者, 代理者, 上席者, 統括, IT管理者.
 *                課責任者/代理者/上席者 may name target sections (`上席者:210/220`); without a target
 *                they apply to the person's own 課コード.
 * - aadObjectId  required, unique GUID (Microsoft Entra object id), stored lower-case
 * - UPN          required, unique sign-in address, stored lower-case
 * - 電話, 携帯   optional; digits, hyphens, parentheses, + and spaces
 */
export const DIRECTORY_CSV_COLUMNS = [
  '職員番号',
  '氏名',
  '氏名カナ',
  '課コード',
  '課名',
  '上位課コード',
  '役職',
  '役割',
  'aadObjectId',
  'UPN',
  '電話',
  '携帯',
] as const;
export type DirectoryCsvColumn = (typeof DIRECTORY_CSV_COLUMNS)[number];

/** Columns that must be present in the header (their values are required on every row too). */
export const REQUIRED_DIRECTORY_CSV_COLUMNS: readonly DirectoryCsvColumn[] = [
  '職員番号',
  '氏名',
  '氏名カナ',
  '課コード',
  '課名',
  'aadObjectId',
  'UPN',
];

/** Role tokens accepted in the 役割 column, in the order `serializeDirectoryCsv` writes them. */
export const DIRECTORY_CSV_ROLES = ['課責任者', '代理者', '上席者', '統括', 'IT管理者'] as const;
export type DirectoryCsvRole = (typeof DIRECTORY_CSV_ROLES)[number];

/** Roles held for sections (the person's own, or the ones named after a colon). */
export const TARGETED_ROLES = ['課責任者', '代理者', '上席者'] as const;
export type TargetedRole = (typeof TARGETED_ROLES)[number];

/**
 * A cell written with csv-stringify's `escape_formulas` (the Excel-friendly export): a value starting
 * with = + - @ (or their full-width forms, or a tab / CR) gets a leading "'" so that a spreadsheet
 * shows it as text instead of running it as a formula. The reader drops exactly that quote again, so
 * the exported file imports back unchanged (a phone number "+81 6-…" stays "+81 6-…").
 */
export const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;

export type SectionRoleField = 'officerId' | 'deputyId' | 'superiorId';
export const ROLE_FIELD: Record<TargetedRole, SectionRoleField> = {
  課責任者: 'officerId',
  代理者: 'deputyId',
  上席者: 'superiorId',
};

/**
 * One problem in the file. `line` is the 1-based physical line (the header is normally line 1;
 * a row whose quoted field spans lines is reported at the line it starts on). `line` is 0 for
 * whole-file problems not tied to a row (e.g. no 統括 at all). `message` is Japanese, starts
 * with its location (「12行目: 」 or 「ファイル全体: 」) and says what to fix, so it can be shown as is.
 */
export interface CsvIssue {
  line: number;
  column?: string;
  message: string;
  /** The article the rule rests on; the CLI cites it after the message (teams/citation.ts). */
  article?: ArticleId;
}

export type DirectoryCsvResult =
  { ok: true; directory: Directory; warnings: CsvIssue[] } | { ok: false; errors: CsvIssue[] };

/** An issue at `line` (0 = the whole file), its message prefixed with the location. */
export function issueAt(line: number, message: string, column?: string, article?: ArticleId): CsvIssue {
  const where = line === 0 ? 'ファイル全体: ' : `${line}行目: `;
  return {
    line,
    ...(column === undefined ? {} : { column }),
    message: where + message,
    ...(article === undefined ? {} : { article }),
  };
}

/** By line; whole-file issues (line 0) last. Stable, so issues of one line keep their order. */
export function sortIssues(issues: readonly CsvIssue[]): CsvIssue[] {
  const key = (i: CsvIssue): number => (i.line === 0 ? Number.MAX_SAFE_INTEGER : i.line);
  return [...issues].sort((a, b) => key(a) - key(b));
}
