// The header row: which column is where.

import {
  DIRECTORY_CSV_COLUMNS,
  REQUIRED_DIRECTORY_CSV_COLUMNS,
  issueAt,
  type CsvIssue,
  type DirectoryCsvColumn,
} from './format';
import type { CsvRecord } from './tokenize';

export interface CsvColumns {
  index: ReadonlyMap<DirectoryCsvColumn, number>;
  /** Cells in the header, which every row must have too. */
  count: number;
}

/**
 * Reads the header. Unknown, duplicate or missing columns make every row unreadable, so any
 * problem here (reported to `errors`) gives null and the import stops after the header.
 */
export function readHeader(header: CsvRecord, errors: CsvIssue[]): CsvColumns | null {
  if (header.broken) return null; // its quoting problem is already reported
  const before = errors.length;
  const index = new Map<DirectoryCsvColumn, number>();
  const known = new Set<string>(DIRECTORY_CSV_COLUMNS);
  const expected = DIRECTORY_CSV_COLUMNS.join(', ');
  const err = (message: string, column?: string): void => {
    errors.push(issueAt(header.line, message, column));
  };
  header.fields.forEach((raw, idx) => {
    const name = raw.trim();
    if (name === '') {
      err(`${idx + 1}列目の列名が空です。列名を入れるか、その列を削除してください。使える列名: ${expected}`);
    } else if (!known.has(name)) {
      err(`不明な列「${name}」があります。使える列名: ${expected}`, name);
    } else if (index.has(name as DirectoryCsvColumn)) {
      err(`列「${name}」が2回あります。1つにしてください。`, name);
    } else {
      index.set(name as DirectoryCsvColumn, idx);
    }
  });
  for (const col of REQUIRED_DIRECTORY_CSV_COLUMNS) {
    if (!index.has(col)) err(`必須の列「${col}」がありません。ヘッダー行に追加してください。`, col);
  }
  return errors.length > before ? null : { index, count: header.fields.length };
}
