// Building contact-directory CSV files row by row, for the directory-CSV tests.
import { DIRECTORY_CSV_COLUMNS, type DirectoryCsvColumn } from '../../src/domain/directory-csv';

export const HEADER = DIRECTORY_CSV_COLUMNS.join(',');
export type Row = Partial<Record<DirectoryCsvColumn, string>>;

/** A CSV row for test person number n, with sensible defaults in section 210. */
export function row(n: number, o: Row = {}): string {
  const base: Record<DirectoryCsvColumn, string> = {
    職員番号: `T${n}`,
    氏名: `試験 ${n}号`,
    氏名カナ: 'シケン タロウ',
    課コード: '210',
    課名: '総務課',
    上位課コード: '100',
    役職: '',
    役割: '',
    aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    UPN: `t${n}@osaka-env.example.jp`,
    電話: `06-6630-${3000 + n}`,
    携帯: '',
  };
  return DIRECTORY_CSV_COLUMNS.map((c) => o[c] ?? base[c]).join(',');
}

/** The top-level section 事務局 (100). */
export const top = { 課コード: '100', 課名: '事務局', 上位課コード: '' } satisfies Row;
