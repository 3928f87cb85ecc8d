// The demo directory CSV (infra/demo/directory.csv) as text, and edits of it by 職員番号 and column,
// for the tests of staged imports, the CLI and the Teams import.
import fs from 'node:fs';
import path from 'node:path';
import type { DirectoryCsvColumn } from '../../src/domain/directory-csv';

export const DEMO_CSV_FILE = path.resolve(__dirname, '../../infra/demo/directory.csv');
export const DEMO_CSV = fs.readFileSync(DEMO_CSV_FILE, 'utf8');

/** The demo file has no quoted values: a line is its cells joined by commas. */
export function editCsv(
  csv: string,
  edits: ReadonlyArray<
    | { id: string; set: Partial<Record<DirectoryCsvColumn, string>> }
    | { id: string; remove: true }
    | { add: Record<DirectoryCsvColumn, string> }
  >,
): string {
  const lines = csv.replace(/\r\n/g, '\n').split('\n');
  const header = (lines[0] ?? '').split(',');
  const col = (c: DirectoryCsvColumn) => header.indexOf(c);
  let out = lines.slice(1).filter((l) => l !== '');
  for (const e of edits) {
    if ('add' in e) {
      out.push(header.map((h) => e.add[h as DirectoryCsvColumn] ?? '').join(','));
      continue;
    }
    const i = out.findIndex((l) => l.split(',')[col('職員番号')] === e.id);
    if (i < 0) throw new Error(`no row ${e.id}`);
    if ('remove' in e) {
      out = out.filter((_, j) => j !== i);
      continue;
    }
    const cells = (out[i] as string).split(',');
    for (const [k, v] of Object.entries(e.set)) cells[col(k as DirectoryCsvColumn)] = v;
    out[i] = cells.join(',');
  }
  return [header.join(','), ...out].join('\n') + '\n';
}

/** A new person row with every column, in section 210 unless told otherwise. */
export function newPerson(
  n: number,
  o: Partial<Record<DirectoryCsvColumn, string>> = {},
): Record<DirectoryCsvColumn, string> {
  const base = {
    職員番号: `E${n}`,
    氏名: `新規 ${n}`,
    氏名カナ: 'シンキ タロウ',
    課コード: '210',
    課名: '総務課',
    上位課コード: '200',
    役職: '主事',
    役割: '',
    aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    UPN: `new${n}@osaka-env.example.jp`,
    電話: `06-6630-${n}`,
    携帯: '',
  } satisfies Record<DirectoryCsvColumn, string>;
  return { ...base, ...o };
}
