// Files as they arrive: Excel's BOM and line endings, quoted line breaks, malformed quoting that
// must not hide the rest of the file, and the exact form `serializeDirectoryCsv` writes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Directory } from '../../src/domain/directory';
import {
  parseDirectoryCsv,
  serializeDirectoryCsv,
  type CsvIssue,
  type DirectoryCsvResult,
} from '../../src/domain/directory-csv';
import { HEADER, row, top } from '../helpers/directory-rows';

const DEMO_PATH = join(__dirname, '..', '..', 'infra', 'demo', 'directory.csv');

/** Valid file, lines 1–6 (header, T1–T5); rows can be replaced by index (line − 1). */
function lines(replace: Record<number, string> = {}): string[] {
  const base = [
    HEADER,
    row(1, { ...top, 役割: '課責任者;上席者:210;統括' }),
    row(2, { ...top, 役割: '代理者;IT管理者' }),
    row(3, { 役割: '課責任者' }),
    row(4, { 役割: '代理者' }),
    row(5),
  ];
  return base.map((l, i) => replace[i] ?? l);
}

function okOf(result: DirectoryCsvResult): Extract<DirectoryCsvResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result;
}
function errorsOf(result: DirectoryCsvResult): CsvIssue[] {
  if (result.ok) throw new Error('expected errors, got a directory');
  return result.errors;
}
const where = (errors: CsvIssue[]) => errors.map((e) => [e.line, e.column ?? null]);

describe('parseDirectoryCsv: files written by Excel and other editors', () => {
  it('reads BOM + CRLF rows with CRLF and LF line breaks inside a quoted value, lines counted physically', () => {
    // T3's 役職 spans lines 4–6; T5 is on physical line 8.
    const text =
      '\uFEFF' +
      lines({
        3: row(3, { 役割: '課責任者', 役職: '"課長\r\n兼 ""経理課""\n担当"' }),
        5: row(5, { aadObjectId: 'not-a-guid' }),
      }).join('\r\n') +
      '\r\n';
    const errors = errorsOf(parseDirectoryCsv(text));
    expect(where(errors)).toEqual([[8, 'aadObjectId']]);
    expect(errors[0]?.message.startsWith('8行目: ')).toBe(true);

    const fixed = text.replace('not-a-guid', '00000000-0000-4000-8000-000000000005');
    const { directory } = okOf(parseDirectoryCsv(fixed));
    expect(directory.people.find((p) => p.id === 'T3')?.title).toBe('課長\n兼 "経理課"\n担当');
  });

  it('reads CR-only line endings like LF', () => {
    const lf = lines().join('\n') + '\n';
    expect(okOf(parseDirectoryCsv(lf.replace(/\n/g, '\r'))).directory).toEqual(
      okOf(parseDirectoryCsv(lf)).directory,
    );
  });

  it('accepts spaces around a quoted value and between cells', () => {
    const text = lines({ 5: row(5, { 役職: '  "主任, 兼務"  ', 氏名: ' 試験 五郎 ' }) }).join('\n');
    const t5 = okOf(parseDirectoryCsv(text)).directory.people.find((p) => p.id === 'T5');
    expect(t5).toMatchObject({ title: '主任, 兼務', name: '試験 五郎' });
  });
});

describe('parseDirectoryCsv: malformed quoting is reported once and hides nothing after it', () => {
  it('text after a closing quote: the rows after it are still read and checked', () => {
    const errors = errorsOf(
      parseDirectoryCsv(
        lines({ 3: row(3, { 役割: '課責任者', 役職: '"課長"補佐' }), 5: row(5, { UPN: 'broken' }) }).join(
          '\n',
        ),
      ),
    );
    // T3 (line 4) is unreadable, so section 210 has no 課責任者 from its first readable row (T4).
    expect(where(errors)).toEqual([
      [4, null],
      [5, '役割'],
      [6, 'UPN'],
    ]);
    expect(errors[0]?.message).toBe(
      '4行目: 「"」で閉じた値の後ろに文字があります。値全体を "…" で囲んでください。',
    );
  });

  it('text after a closing quote and a space (where csv-parse alone would stop reading)', () => {
    const errors = errorsOf(
      parseDirectoryCsv(
        lines({ 4: row(4, { 役割: '代理者', 役職: '"課長" 補佐' }), 5: row(5, { UPN: 'x' }) }).join('\n'),
      ),
    );
    expect(where(errors)).toEqual([
      [5, null],
      [6, 'UPN'],
    ]);
    expect(errors[0]?.message).toContain('「"」で閉じた値の後ろに文字があります');
  });

  it('the rest of a broken row is part of it, even a quoted value spanning lines', () => {
    // Line 4 breaks after "課長"; its 役割 then holds a quoted line break, so the row ends on line 5.
    const broken = row(3, { 役職: '"課長"x', 役割: '"課責任者\n兼務"' });
    const text = lines({ 3: broken, 5: row(5, { aadObjectId: 'x' }) }).join('\n') + '\n';
    const errors = errorsOf(parseDirectoryCsv(text));
    expect(where(errors)).toEqual([
      [4, null],
      [6, '役割'], // section 210 without 課責任者, at T4 (line 6)
      [7, 'aadObjectId'],
    ]);
  });

  it('several stray quotes in one row are one problem, on the line of the first', () => {
    const errors = errorsOf(
      parseDirectoryCsv(lines({ 5: row(5, { 役職: '主"任"', 氏名: '試"験' }) }).join('\n')),
    );
    expect(errors).toEqual([
      {
        line: 6,
        message:
          '6行目: 値の途中に「"」があります。「"」を含む値は全体を "…" で囲み、中の「"」は「""」と2つ重ねてください。',
      },
    ]);
  });

  it('a quoting problem in the header stops after the header, with that one problem', () => {
    const text = lines({ 0: HEADER.replace('氏名カナ', '氏名"カナ') }).join('\n');
    expect(errorsOf(parseDirectoryCsv(text))).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('1行目: 値の途中に「"」') }),
    ]);
  });

  it('an unclosed quote is reported at the first line of its row', () => {
    // T3's 役職 spans lines 4–5; the unclosed quote opens in its UPN, on line 5.
    const text = lines({
      3: row(3, { 役割: '課責任者', 役職: '"課長\n兼務"', UPN: '"t3@osaka-env.example.jp' }),
    }).join('\n');
    const errors = errorsOf(parseDirectoryCsv(text));
    // The open quote runs to the end of the file, so every row of section 210 is inside it and
    // T1's 上席者:210 names a section that no readable row defines.
    expect(errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: '役割',
        message: expect.stringContaining('課コード 210 の課がありません'),
      }),
      {
        line: 4,
        message: '4行目: 「"」で始まった値が閉じられていません。値の終わりに「"」を付けてください。',
      },
    ]);
  });
});

describe('serializeDirectoryCsv: the exact file', () => {
  const directory: Directory = {
    sections: [
      { code: '100', name: '事務局', parentCode: null, officerId: 'T1', deputyId: null, superiorId: null },
      {
        code: '210',
        name: '総務課, 庶務',
        parentCode: '100',
        officerId: 'T2',
        deputyId: null,
        superiorId: 'T1',
      },
    ],
    people: [
      {
        id: 'T1',
        aadObjectId: '00000000-0000-4000-8000-000000000001',
        upn: 't1@osaka-env.example.jp',
        name: '試験 一郎',
        kana: 'シケン イチロウ',
        sectionCode: '100',
        title: '局長 "兼" 部長',
        phone: '06-6630-3001',
        mobile: '',
        isChiefOfficer: true,
        isItAdmin: true,
      },
      {
        id: 'T2',
        aadObjectId: '00000000-0000-4000-8000-000000000002',
        upn: 't2@osaka-env.example.jp',
        name: '試験 二郎',
        kana: 'シケン ジロウ',
        sectionCode: '210',
        title: '課長\n兼 係長',
        phone: '',
        mobile: '090-0000-0002',
        isChiefOfficer: false,
        isItAdmin: false,
      },
    ],
  };

  it('writes BOM, CRLF after every row, and quotes only values with a comma, quote or line break', () => {
    expect(serializeDirectoryCsv(directory)).toBe(
      '\uFEFF' +
        `${HEADER}\r\n` +
        'T1,試験 一郎,シケン イチロウ,100,事務局,,"局長 ""兼"" 部長",課責任者;上席者:210;統括;IT管理者,' +
        '00000000-0000-4000-8000-000000000001,t1@osaka-env.example.jp,06-6630-3001,\r\n' +
        'T2,試験 二郎,シケン ジロウ,210,"総務課, 庶務",100,"課長\n兼 係長",課責任者,' +
        '00000000-0000-4000-8000-000000000002,t2@osaka-env.example.jp,,090-0000-0002\r\n',
    );
  });

  it('quotes a value with white space at either end, so that it is read back as written', () => {
    const padded: Directory = {
      ...directory,
      people: directory.people.map((p) => (p.id === 'T2' ? { ...p, title: ' 課長 ' } : p)),
    };
    expect(serializeDirectoryCsv(padded)).toContain(',210,"総務課, 庶務",100," 課長 ",課責任者,');
  });

  it('round-trips, and reads back the same after Excel re-saves quoted line breaks as CRLF', () => {
    const text = serializeDirectoryCsv(directory);
    expect(okOf(parseDirectoryCsv(text)).directory).toEqual(directory);
    const resaved = text.replace(/(?<!\r)\n/g, '\r\n');
    expect(resaved).toContain('"課長\r\n兼 係長"');
    expect(okOf(parseDirectoryCsv(resaved)).directory).toEqual(directory);
  });

  it('writes the demo directory so that it reads back equal, and writes that back to the same text', () => {
    const { directory: demo } = okOf(parseDirectoryCsv(readFileSync(DEMO_PATH, 'utf8')));
    const text = serializeDirectoryCsv(demo);
    const again = okOf(parseDirectoryCsv(text)).directory;
    expect(again).toEqual(demo);
    expect(serializeDirectoryCsv(again)).toBe(text);
    expect(text.split('\r\n')).toHaveLength(demo.people.length + 2); // header, rows, '' after the last CRLF
  });
});
